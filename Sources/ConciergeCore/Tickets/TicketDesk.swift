import ConciergeDomain
import Foundation

/// The agent-facing ticket use cases: open, read, change, comment, list and search. Every
/// change commits together with its history event and an outbox row, so SLA, automation and
/// integrations can react to it.
public struct TicketDesk: Sendable {
    /// The queue that carries ticket events to their consumers.
    public static let eventsQueue = "events"

    let store: any TenantStore
    let configurations: TicketConfigurationCache
    let now: @Sendable () -> Date

    /// - Parameter configurations: shared by the desks of one process, so that creates need not
    ///   read the tenant's fields and forms every time.
    public init(
        store: any TenantStore, configurations: TicketConfigurationCache = TicketConfigurationCache(),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.configurations = configurations
        self.now = now
    }

    /// Opens a ticket, matching or creating its requester.
    /// - Throws: `invalidInput` naming the field; `notFound` for an unknown assignee, group or parent.
    public func create(_ new: NewTicket, actor: Actor, tenant: TenantID) async throws -> Ticket {
        try await create(new, actor: actor, tenant: tenant, alongside: nil)
    }

    /// ``create(_:actor:tenant:)``, running `alongside` in the create's transaction once the
    /// ticket is written (the email intake records the message and its attachments with it).
    func create(
        _ new: NewTicket, actor: Actor, tenant: TenantID,
        alongside: (@Sendable (any TenantTransaction, Ticket) async throws -> Void)?
    ) async throws -> Ticket {
        let subject: String
        let description: String
        let tags: [String]
        do throws(ValidationError) {
            subject = try Validate.displayName(new.subject, field: "subject", maxLength: 500)
            do throws(ValidationError) { description = try Comment.validatedBody(new.description) } catch {
                throw ValidationError(field: "description", code: error.code, message: error.message)
            }
            tags = try TicketTags.normalize(new.tags)
            if let status = new.status, status == .closed || status == .solved {
                throw ValidationError(
                    field: "status", code: "invalid_transition", message: "a new ticket cannot start \(status.rawValue)"
                )
            }
        } catch { throw AppError.invalid(error) }
        let createdAt = now()
        // Taken before the create's transaction (see TenantStore.takeTicketNumber): a create
        // rejected later (custom field rules) leaves a gap in the numbers.
        let taken = try await store.takeTicketNumber(tenant)
        let number = taken.number
        return try await store.transaction(tenant) { [configurations] tx in
            let requester = try await RequesterResolution(tx: tx, now: createdAt).resolve(new.requester)
            try await TicketReferences(tx: tx).check(
                assignee: new.assigneeID, group: new.groupID, parent: new.parentID, followers: new.followerIDs,
                asset: new.assetID)
            let type = new.type ?? (new.dueAt == nil ? .question : .task)
            let rules = try await TicketFieldRules.load(
                tx, version: taken.configurationVersion, cache: configurations)
            let form = try rules.form(key: new.formKey, type: type)
            let customFields = try await rules.forNewTicket(new.customFields, form: form, asCustomer: new.byCustomer)
            let ticket = Ticket(
                id: TicketID(), tenantID: tenant, number: number, subject: subject, description: description,
                status: new.status ?? (new.assigneeID == nil ? .new : .open), priority: new.priority ?? .normal,
                type: type, channel: new.channel, requesterID: requester.id,
                organizationID: requester.organizationID, assigneeID: new.assigneeID, groupID: new.groupID,
                followerIDs: Array(Set(new.followerIDs)).sorted(), tags: tags, customFields: customFields,
                dueAt: new.dueAt, formKey: form?.key, assetID: new.assetID, parentID: new.parentID,
                createdAt: createdAt,
                updatedAt: createdAt)
            try await tx.tickets.insert(ticket, searchDocument: Self.searchDocument(ticket))
            try await record(
                "ticket.created", ticket, actor: actor, tx: tx,
                data: [
                    "number": .number(Double(number)), "channel": .string(new.channel.rawValue),
                    "requester_id": .string(requester.id.description), "status": .string(ticket.status.rawValue),
                    "priority": .string(ticket.priority.rawValue),
                ])
            try await alongside?(tx, ticket)
            return ticket
        }
    }

    /// The ticket with this id (or `#number` when `reference` is a number).
    public func get(_ reference: TicketReference, tenant: TenantID) async throws -> Ticket {
        try await store.transaction(tenant) { tx in try await Self.find(reference, in: tx) }
    }

    /// The current versions of those of `ids` that exist, read together (what open ticket pages
    /// poll to learn that their ticket changed).
    public func versions(of ids: [TicketID], tenant: TenantID) async throws -> [TicketID: Int] {
        try await store.transaction(tenant) { try await $0.tickets.versions(of: ids) }
    }

    /// Changes a ticket.
    /// - Parameter expectedVersion: the version the caller read (If-Match); a different
    ///   current version answers `conflict` (`version_conflict`) and changes nothing.
    public func update(
        _ reference: TicketReference, _ change: TicketChange, expectedVersion: Int?, actor: Actor, tenant: TenantID
    ) async throws -> Ticket {
        let changedAt = now()
        return try await store.transaction(tenant) { tx in
            let found = try await Self.find(reference, in: tx)
            guard let before = try await tx.tickets.lock(id: found.id) else { throw AppError.notFound("ticket") }
            if let expectedVersion, expectedVersion != before.version {
                throw AppError(
                    .conflict, code: "version_conflict",
                    message:
                        "the ticket changed since version \(expectedVersion) (now \(before.version)); reload and retry")
            }
            return try await apply(change, to: before, actor: actor, tx: tx, at: changedAt)
        }
    }

    /// Applies `change` to the locked ticket `before` inside `tx`: references, custom fields,
    /// the state machine, required-to-solve fields, history, outbox, linked work.
    func apply(_ change: TicketChange, to before: Ticket, actor: Actor, tx: any TenantTransaction, at changedAt: Date)
        async throws
        -> Ticket
    {
        try await TicketReferences(tx: tx).check(
            assignee: change.assigneeID ?? nil, group: change.groupID ?? nil, parent: nil,
            followers: change.followerIDs ?? [],
            asset: change.assetID ?? nil)
        var change = change
        let rules = try await TicketFieldRules.load(tx)
        let form = try rules.form(key: before.formKey, type: change.type ?? before.type)
        if let values = change.customFields {
            change.customFields = try await rules.forChange(values, form: form, asCustomer: false)
        }
        let (after, changes) = try Self.applying(change, to: before, at: changedAt)
        try rules.checkSolvable(after, form: form)
        guard !changes.isEmpty else { return before }
        let textChanged = after.subject != before.subject || after.customFields != before.customFields
        try await tx.tickets.update(after, searchDocument: textChanged ? Self.searchDocument(after) : nil)
        try await record("ticket.updated", after, actor: actor, tx: tx, data: Self.history(changes))
        if after.status == .solved, before.status != .solved, let parentID = after.parentID {
            try await ParentReopening(tx: tx, desk: self, at: changedAt).childSolved(parent: parentID)
        }
        return after
    }

    /// A page of tickets matching `query`, with their requesters (one transaction).
    public func list(_ query: TicketQuery, tenant: TenantID) async throws -> (TicketPage, [CustomerID: Customer]) {
        guard (1...200).contains(query.limit) else {
            throw AppError(.invalidInput, code: "invalid_parameter", message: "limit must be 1-200", field: "limit")
        }
        return try await store.transaction(tenant) { tx in
            let page = try await tx.tickets.list(query)
            return (page, try await Self.requesters(of: page.tickets, in: tx))
        }
    }

    static func requesters(of tickets: [Ticket], in tx: any TenantTransaction) async throws -> [CustomerID: Customer] {
        let customers = try await tx.customers.find(ids: Array(Set(tickets.map(\.requesterID))))
        return Dictionary(uniqueKeysWithValues: customers.map { ($0.id, $0) })
    }

    /// The ticket's history, newest first: who changed what, old → new, when and how.
    public func history(_ reference: TicketReference, tenant: TenantID, before cursor: Int64?, limit: Int) async throws
        -> [RecordedEvent]
    {
        try await store.transaction(tenant) { tx in
            let ticket = try await Self.find(reference, in: tx)
            return try await tx.events.list(
                before: cursor, limit: limit, subjectType: "ticket", subjectID: ticket.id.description)
        }
    }

    /// The requesters of `tickets`, by id, in one round trip.
    public func requesters(of tickets: [Ticket], tenant: TenantID) async throws -> [CustomerID: Customer] {
        try await store.transaction(tenant) { tx in try await Self.requesters(of: tickets, in: tx) }
    }

    /// Internal work tickets spawned from `reference`.
    public func children(of reference: TicketReference, tenant: TenantID) async throws -> [Ticket] {
        try await store.transaction(tenant) { tx in
            try await tx.tickets.children(of: try await Self.find(reference, in: tx).id)
        }
    }

    static func find(_ reference: TicketReference, in tx: any TenantTransaction) async throws -> Ticket {
        let ticket: Ticket? =
            switch reference {
            case .id(let id): try await tx.tickets.find(id: id)
            case .number(let number): try await tx.tickets.find(number: number)
            }
        guard let ticket else { throw AppError.notFound("ticket") }
        return ticket
    }

    static func applying(_ change: TicketChange, to ticket: Ticket, at date: Date) throws -> (
        Ticket, [TicketChange.FieldChange]
    ) {
        do throws(ValidationError) { return try change.apply(to: ticket, at: date) } catch {
            if error.code == "invalid_transition" || error.code == "ticket_closed" {
                throw AppError(.conflict, code: error.code, message: error.message, field: error.field)
            }
            throw AppError.invalid(error)
        }
    }

    /// What full-text search indexes for a ticket itself: subject, description and the text
    /// of its custom field values (comments are indexed on their own rows).
    static func searchDocument(_ ticket: Ticket) -> String {
        let fieldText = ticket.customFields.keys.sorted().compactMap { key -> String? in
            switch ticket.customFields[key] {
            case .string(let text)?: text
            case .array(let values)?: values.compactMap(\.stringValue).joined(separator: " ")
            default: nil
            }
        }
        return SearchTokenizer.document([ticket.subject, ticket.description] + fieldText)
    }

    static func history(_ changes: [TicketChange.FieldChange]) -> [String: JSONValue] {
        [
            "changes": .object(
                Dictionary(uniqueKeysWithValues: changes.map { ($0.field, JSONValue.array([$0.old, $0.new])) }))
        ]
    }

    /// Appends the ticket event and its outbox row in the caller's transaction.
    @discardableResult
    func record(_ type: String, _ ticket: Ticket, actor: Actor, tx: any TenantTransaction, data: [String: JSONValue])
        async throws -> EventID
    {
        let event = DomainEvent(
            tenantID: ticket.tenantID, type: type, subjectType: "ticket", subjectID: ticket.id.description,
            actor: actor,
            data: data, occurredAt: ticket.updatedAt)
        try await tx.events.append(event, outbox: [Self.dispatch(event, ticketID: ticket.id, version: ticket.version)])
        return event.id
    }

    /// The outbox row that hands a ticket event to the worker's subscribers (`event.dispatch`).
    static func dispatch(_ event: DomainEvent, ticketID: TicketID, version: Int) -> OutboxMessage {
        let payload =
            #"{"event_id":"\#(event.id)","type":"\#(event.type)","ticket_id":"\#(ticketID)","version":\#(version)}"#
        let job = Job(
            id: event.id.description, name: EventDispatchJob.jobName, tenantID: event.tenantID, payload: payload)
        return OutboxMessage(queue: eventsQueue, job: job)
    }
}

/// A ticket named by its id or its per-tenant number.
public enum TicketReference: Sendable, Equatable {
    case id(TicketID)
    case number(Int64)

    /// Parses a UUID or a positive number (optionally written `#1001`).
    public init?(_ text: String) {
        if let id = TicketID(text) {
            self = .id(id)
        } else if let number = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text), number > 0 {
            self = .number(number)
        } else {
            return nil
        }
    }
}
