import ConciergeDomain
import Foundation

/// What agents and administrators do with `crm` and `erp` connectors: see and start a CRM sync,
/// look up spare-part stock, and place issue orders for tickets (sent as deliveries, so they are
/// retried, rate-limited, logged and never written twice).
public struct BusinessSystemDesk: Sendable {
    /// The event type of an issue order's delivery.
    public static let issueOrderEvent = "erp.issue_order"

    let store: any TenantStore
    let secrets: SecretBox
    let systems: any BusinessSystems
    let queue: any JobQueue
    let publicURL: String
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, secrets: SecretBox, systems: any BusinessSystems, queue: any JobQueue,
        publicURL: String, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.secrets = secrets
        self.systems = systems
        self.queue = queue
        self.publicURL = publicURL
        self.now = now
    }

    /// A crm connector's sync: each kind's state and when it next runs.
    public struct SyncStatus: Sendable {
        public var connector: Connector
        public var states: [CRMSyncState]
        public var nextRunAt: Date?
        /// Whether a run was queued by this request.
        public var queued: Bool
    }

    /// Where the sync of `reference` (id or key) stands. - Throws: `notFound`; `invalidInput`
    /// (`not_crm`) for another kind.
    public func syncStatus(_ reference: String, tenant: TenantID) async throws -> SyncStatus {
        try await store.transaction(tenant) { tx in
            let connector = try await Self.connector(reference, kind: .crm, tx: tx)
            return SyncStatus(
                connector: connector, states: try await tx.crmSync.states(of: connector.id),
                nextRunAt: try await tx.crmSync.nextRun(of: connector.id), queued: false)
        }
    }

    /// Queues a sync of `reference` now (nothing new when one is queued or running).
    /// - Throws: as ``syncStatus(_:tenant:)``, and `invalidInput` (`connector_disabled`).
    public func requestSync(_ reference: String, tenant: TenantID) async throws -> SyncStatus {
        let connector = try await store.transaction(tenant) { tx in
            try await Self.connector(reference, kind: .crm, tx: tx)
        }
        guard connector.enabled else {
            throw AppError(.invalidInput, code: "connector_disabled", message: "connector \(connector.key) is disabled")
        }
        try await CRMSyncJob.queue(connector.id, tenant: tenant, on: queue, store: store, at: now())
        var status = try await syncStatus(connector.id.description, tenant: tenant)
        status.queued = true
        return status
    }

    /// The stock of `parts` through the erp connector `reference`, asked now.
    /// - Throws: `invalidInput` for no parts, more than 50, or an empty one; `notFound`;
    ///   `invalidInput` (`not_erp`, `connector_disabled`); `unavailable` (`erp_unavailable`,
    ///   retryable) or `invalidInput` (`erp_refused`) when the ERP failed.
    public func inventory(_ reference: String, parts: [String], warehouse: String?, tenant: TenantID) async throws
        -> [StockLevel]
    {
        let wanted = parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard (1...50).contains(wanted.count), wanted.allSatisfy({ $0.count <= 100 }) else {
            throw AppError(
                .invalidInput, code: "invalid_parameter",
                message: "parts lists 1-50 part numbers of up to 100 characters",
                field: "parts")
        }
        let endpoint = try await store.transaction(tenant) { tx in
            let stored = try await Self.stored(reference, kind: .erp, tx: tx)
            guard stored.connector.enabled else {
                throw AppError(
                    .invalidInput, code: "connector_disabled", message: "connector \(stored.connector.key) is disabled")
            }
            let opened =
                try stored.sealedSecrets.map { try secrets.open($0, tenant: tenant, connector: stored.connector.id) }
                ?? [:]
            return ConnectorEndpoint(
                connectorID: stored.connector.id, kind: .erp, settings: stored.connector.settings, secrets: opened)
        }
        switch await systems.lookupInventory(endpoint, parts: wanted, warehouse: warehouse) {
        case .found(let levels): return levels
        case .failed(let failure) where failure.retryable:
            var error = AppError(.unavailable, code: "erp_unavailable", message: failure.reason)
            error.retryAfterSeconds = failure.retryAfter.map { Int($0.components.seconds) }
            throw error
        case .failed(let failure):
            throw AppError(.invalidInput, code: "erp_refused", message: failure.reason)
        }
    }

    /// Places an issue order for ticket `ticketID` through the erp connector the draft names: a
    /// delivery written with its outbox row and queued, and an entry in the ticket's history.
    /// The same `idempotency_key` again returns the first order instead of a second.
    /// - Throws: `invalidInput` naming the field; `notFound` (ticket, connector); `invalidInput`
    ///   (`not_erp`, `connector_disabled`).
    public func placeIssueOrder(
        _ draft: IssueOrderDraft, ticket reference: TicketReference, actor: Actor, tenant: TenantID
    ) async throws -> ConnectorDelivery {
        let order = try draft.validated()
        let at = now()
        let placed: (ConnectorDelivery, Job?)
        do {
            placed = try await place(order, ticket: reference, actor: actor, tenant: tenant, at: at)
        } catch let race as PlacedMeanwhile {
            // The same key was placed by a request that committed first: that order is the answer.
            return race.delivery
        }
        if let job = placed.1 { _ = try? await queue.enqueue(job, on: ConnectorDeliverer.queue, delay: .zero) }
        return placed.0
    }

    /// Thrown inside the placing transaction (rolling it back) when another request committed
    /// the same idempotency key first.
    private struct PlacedMeanwhile: Error {
        let delivery: ConnectorDelivery
    }

    /// Writes the order in one transaction: the earlier one with its key, or a new delivery, its
    /// outbox row and the ticket's history entry. - Returns: the delivery and the job to queue.
    private func place(
        _ order: IssueOrderDraft.Checked, ticket reference: TicketReference, actor: Actor, tenant: TenantID, at: Date
    ) async throws -> (ConnectorDelivery, Job?) {
        try await store.transaction(tenant) { tx -> (ConnectorDelivery, Job?) in
            let ticket = try await TicketDesk.find(reference, in: tx)
            let ticketID = ticket.id
            let stored = try await Self.stored(order.connector, kind: .erp, tx: tx)
            guard stored.connector.enabled else {
                throw AppError(
                    .invalidInput, code: "connector_disabled", message: "connector \(stored.connector.key) is disabled",
                    field: "connector")
            }
            guard let tenantRecord = try await tx.tenant() else { throw AppError.notFound("tenant") }
            let key = "issue_order:\(ticketID):\(order.idempotencyKey ?? UUID().uuidString.lowercased())"
            if let earlier = try await tx.connectors.find(idempotencyKey: key, connector: stored.connector.id) {
                return (earlier, nil)
            }
            let deliveryID = ConnectorDeliveryID()
            var message = try await ConnectorMessageComposer(tx: tx, tenant: tenantRecord, publicURL: publicURL)
                .compose(
                    deliveryID: deliveryID, eventType: Self.issueOrderEvent, eventID: deliveryID.description,
                    occurredAt: at, ticket: ticket, connector: stored.connector)
            if case .object(var payload) = message.payload {
                payload["issue_order"] = .object(order.payload)
                message.payload = .object(payload)
            }
            let delivery = ConnectorDelivery(
                id: deliveryID, tenantID: tenant, connectorID: stored.connector.id, idempotencyKey: key,
                eventType: Self.issueOrderEvent, ticketID: ticketID, message: message.stored, createdAt: at,
                updatedAt: at)
            let job = ConnectorDeliverer.job(for: deliveryID, tenant: tenant)
            let history = DomainEvent(
                tenantID: tenant, type: "ticket.issue_order_requested", subjectType: "ticket",
                subjectID: ticketID.description, actor: actor,
                data: [
                    "delivery_id": .string(deliveryID.description), "connector": .string(stored.connector.key),
                    "lines": order.payload["lines"] ?? .array([]),
                ], occurredAt: at)
            try await tx.events.append(history, outbox: [])
            guard
                try await tx.connectors.insert(
                    delivery, job: job, queue: ConnectorDeliverer.queue, causedBy: history.id)
            else {
                guard let other = try await tx.connectors.find(idempotencyKey: key, connector: stored.connector.id)
                else { throw AppError(.unavailable, code: "retry", message: "try the order again") }
                throw PlacedMeanwhile(delivery: other)
            }
            return (delivery, job)
        }
    }

    /// The issue orders placed for a ticket, newest first: the deliveries of its erp connectors,
    /// whether an agent placed them or a rule's `call_connector` did. - Throws: `notFound`.
    public func issueOrders(ticket reference: TicketReference, tenant: TenantID) async throws -> [ConnectorDelivery] {
        try await store.transaction(tenant) { tx in
            var query = ConnectorDeliveryQuery(limit: 200)
            query.ticketID = try await TicketDesk.find(reference, in: tx).id
            let erp = Set(try await tx.connectors.list().filter { $0.connector.kind == .erp }.map(\.connector.id))
            guard !erp.isEmpty else { return [] }
            return try await tx.connectors.deliveries(query).filter { erp.contains($0.connectorID) }
        }
    }

    static func stored(_ reference: String, kind: ConnectorKind, tx: any TenantTransaction) async throws
        -> StoredConnector
    {
        let stored = try await ConnectorHub.find(reference, tx: tx)
        guard stored.connector.kind == kind else {
            throw AppError(
                .invalidInput, code: "not_\(kind.rawValue)",
                message:
                    "connector \(stored.connector.key) is a \(stored.connector.kind.rawValue) connector, not \(kind.rawValue)",
                field: "connector")
        }
        return stored
    }

    static func connector(_ reference: String, kind: ConnectorKind, tx: any TenantTransaction) async throws
        -> Connector
    {
        try await stored(reference, kind: kind, tx: tx).connector
    }
}

/// `POST /api/v1/tickets/{id}/issue-orders`: which erp connector, which parts, from where.
public struct IssueOrderDraft: Sendable, Decodable {
    public struct Line: Sendable, Decodable {
        public var partNumber: String?
        public var quantity: Double?
        enum CodingKeys: String, CodingKey {
            case partNumber = "part_number"
            case quantity
        }
    }

    public var connector: String?
    public var lines: [Line]?
    public var warehouse: String?
    /// The ERP's id of the customer the parts go to; default: the ticket organization's, then
    /// the requester's (their `external_ids` under the connector's key).
    public var customerExternalID: String?
    /// A retried request with the same key returns the first order.
    public var idempotencyKey: String?

    enum CodingKeys: String, CodingKey {
        case connector, lines, warehouse
        case customerExternalID = "customer_external_id"
        case idempotencyKey = "idempotency_key"
    }

    /// The checked order: the connector reference, the key, and the `issue_order` payload.
    struct Checked {
        var connector: String
        var idempotencyKey: String?
        var payload: [String: JSONValue]
    }

    func validated() throws -> Checked {
        guard let connector, !connector.isEmpty else {
            throw AppError(
                .invalidInput, code: "required", message: "connector names an erp connector", field: "connector")
        }
        guard let lines, (1...100).contains(lines.count) else {
            throw AppError(.invalidInput, code: "required", message: "lines lists 1-100 parts", field: "lines")
        }
        var items: [JSONValue] = []
        for (index, line) in lines.enumerated() {
            let part = (line.partNumber ?? "").trimmingCharacters(in: .whitespaces)
            guard (1...100).contains(part.count) else {
                throw AppError(
                    .invalidInput, code: "required", message: "part_number is 1-100 characters",
                    field: "lines[\(index)].part_number")
            }
            guard let quantity = line.quantity, quantity > 0, quantity <= 1_000_000 else {
                throw AppError(
                    .invalidInput, code: "invalid_value", message: "quantity is more than 0 and at most 1000000",
                    field: "lines[\(index)].quantity")
            }
            items.append(.object(["part_number": .string(part), "quantity": .number(quantity)]))
        }
        for (value, field) in [(warehouse, "warehouse"), (customerExternalID, "customer_external_id")] {
            if let value, !(1...100).contains(value.count) {
                throw AppError(
                    .invalidInput, code: "invalid_value", message: "\(field) is 1-100 characters", field: field)
            }
        }
        if let key = idempotencyKey, !(1...100).contains(key.count) {
            throw AppError(
                .invalidInput, code: "invalid_value", message: "idempotency_key is 1-100 characters",
                field: "idempotency_key")
        }
        var payload: [String: JSONValue] = ["lines": .array(items)]
        if let warehouse { payload["warehouse"] = .string(warehouse) }
        if let customerExternalID { payload["customer_external_id"] = .string(customerExternalID) }
        return Checked(connector: connector, idempotencyKey: idempotencyKey, payload: payload)
    }
}
