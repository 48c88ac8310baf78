import ConciergeDomain
import Foundation

/// Macros: saved actions plus a reply with placeholders, applied to a ticket in one step and
/// one transaction (the changes, the reply and their history commit together).
public struct MacroCatalog: Sendable {
    let store: any TenantStore
    let desk: TicketDesk
    let conversation: TicketConversation
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.desk = TicketDesk(store: store, now: now)
        self.conversation = TicketConversation(store: store, now: now)
        self.now = now
    }

    public func list(tenant: TenantID) async throws -> [Macro] {
        try await store.transaction(tenant) { try await $0.macros.all() }
    }

    /// Validates (placeholders, actions, field values) and saves a new macro.
    public func create(_ macro: Macro, tenant: TenantID) async throws -> Macro {
        try await store.transaction(tenant) { tx in
            let validated = try await Self.validated(macro, tx: tx)
            try await tx.macros.insert(validated)
            return validated
        }
    }

    /// Replaces a macro (same id and key).
    public func update(_ macro: Macro, tenant: TenantID) async throws -> Macro {
        try await store.transaction(tenant) { tx in
            guard let existing = try await tx.macros.find(id: macro.id) else { throw AppError.notFound("macro") }
            guard existing.key == macro.key else {
                throw AppError(.invalidInput, code: "immutable", message: "key cannot be changed", field: "key")
            }
            let validated = try await Self.validated(macro, tx: tx)
            try await tx.macros.update(validated)
            return validated
        }
    }

    public func delete(_ reference: String, tenant: TenantID) async throws {
        try await store.transaction(tenant) { tx in
            let macro = try await Self.find(reference, tx: tx)
            _ = try await tx.macros.delete(id: macro.id)
        }
    }

    /// The macro named by id or key.
    public func get(_ reference: String, tenant: TenantID) async throws -> Macro {
        try await store.transaction(tenant) { tx in try await Self.find(reference, tx: tx) }
    }

    /// Applies a macro: its actions as one ticket change, then its reply rendered for this
    /// ticket (requester name, number…). - Returns: the ticket and the reply, if any.
    public func apply(_ reference: String, to ticket: TicketReference, agent: User?, actor: Actor, tenant: TenantID)
        async throws
        -> (Ticket, Comment?)
    {
        let appliedAt = now()
        return try await store.transaction(tenant) { tx in
            let macro = try await Self.find(reference, tx: tx)
            guard macro.active else {
                throw AppError(.conflict, code: "macro_inactive", message: "the macro is not active")
            }
            let found = try await TicketDesk.find(ticket, in: tx)
            guard let before = try await tx.tickets.lock(id: found.id) else { throw AppError.notFound("ticket") }
            guard before.status != .closed else {
                throw AppError(.conflict, code: "ticket_closed", message: "a closed ticket cannot change")
            }
            let change = try await MacroActions(tx: tx).change(for: macro.actions)
            var after = try await desk.apply(change, to: before, actor: actor, tx: tx, at: appliedAt)
            var reply: Comment?
            if let template = macro.template, after.status != .closed {
                let requester = try await tx.customers.find(id: after.requesterID)
                let definitions = CustomFieldValues(definitions: try await tx.customFields.definitions())
                let context = MacroContext(
                    ticketNumber: String(after.number), ticketSubject: after.subject,
                    ticketStatus: after.status.rawValue,
                    requesterName: requester?.name ?? "", requesterEmail: requester?.emails.first ?? "",
                    agentName: agent?.name ?? "",
                    customFields: MacroContext.customFieldText(
                        macro.replyIsPublic ? definitions.visibleToCustomer(after.customFields) : after.customFields))
                let author: CommentAuthor = agent.map { .user($0.id) } ?? .system(actor.description)
                guard let locked = try await tx.tickets.lock(id: after.id) else { throw AppError.notFound("ticket") }
                reply = try await conversation.add(
                    body: template.render(context), isPublic: macro.replyIsPublic, channel: .api, to: locked,
                    author: author,
                    actor: actor, tx: tx, at: appliedAt)
                after = try await tx.tickets.find(id: after.id) ?? after
            }
            return (after, reply)
        }
    }

    static func find(_ reference: String, tx: any TenantTransaction) async throws -> Macro {
        let found: Macro? =
            if let id = MacroID(reference) { try await tx.macros.find(id: id) } else {
                try await tx.macros.find(key: reference)
            }
        guard let macro = found else { throw AppError.notFound("macro") }
        return macro
    }

    static func validated(_ macro: Macro, tx: any TenantTransaction) async throws -> Macro {
        let fields = CustomFieldValues(definitions: try await tx.customFields.definitions())
        do throws(ValidationError) { return try macro.validate(customFields: fields) } catch {
            throw AppError.invalid(error)
        }
    }
}
