import ConciergeDomain
import Foundation

/// The integration hub's use cases: configure connectors (secrets sealed on the way in, never
/// handed out), read the delivery log, replay failed deliveries and send a test message.
public struct ConnectorHub: Sendable {
    let store: any TenantStore
    let tenants: any TenantDirectory
    let secrets: SecretBox
    let deliverer: ConnectorDeliverer
    let publicURL: String
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, tenants: any TenantDirectory, secrets: SecretBox, deliverer: ConnectorDeliverer,
        publicURL: String, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.tenants = tenants
        self.secrets = secrets
        self.deliverer = deliverer
        self.publicURL = publicURL
        self.now = now
    }

    public func list(tenant: TenantID) async throws -> [Connector] {
        try await store.transaction(tenant) { try await $0.connectors.list().map(\.connector) }
    }

    /// The connector with this id or key.
    public func find(_ reference: String, tenant: TenantID) async throws -> Connector {
        try await store.transaction(tenant) { try await Self.find(reference, tx: $0).connector }
    }

    public func create(_ draft: ConnectorDraft, tenant: TenantID) async throws -> Connector {
        let at = now()
        return try await store.transaction(tenant) { tx in
            let (connector, secretValues) = try Self.validated { () throws(ValidationError) in
                try draft.connector(updating: nil, existingSecrets: [:], tenant: tenant, at: at)
            }
            if try await tx.connectors.find(key: connector.key) != nil {
                throw AppError(
                    .conflict, code: "duplicate_key", message: "a connector with key \(connector.key) exists")
            }
            try await tx.connectors.insert(try sealed(connector, secretValues))
            return connector
        }
    }

    public func update(_ reference: String, _ draft: ConnectorDraft, tenant: TenantID) async throws -> Connector {
        let at = now()
        return try await store.transaction(tenant) { tx in
            let existing = try await Self.find(reference, tx: tx)
            let current =
                try existing.sealedSecrets.map {
                    try secrets.open($0, tenant: tenant, connector: existing.connector.id)
                } ?? [:]
            let (connector, secretValues) = try Self.validated { () throws(ValidationError) in
                try draft.connector(updating: existing.connector, existingSecrets: current, tenant: tenant, at: at)
            }
            if connector.key != existing.connector.key, try await tx.connectors.find(key: connector.key) != nil {
                throw AppError(
                    .conflict, code: "duplicate_key", message: "a connector with key \(connector.key) exists")
            }
            var stored = try sealed(connector, secretValues)
            // A configuration change is a fresh start for the circuit breaker.
            stored.connector.circuit = ConnectorCircuit()
            try await tx.connectors.update(stored)
            return stored.connector
        }
    }

    public func delete(_ reference: String, tenant: TenantID) async throws {
        try await store.transaction(tenant) { tx in
            let existing = try await Self.find(reference, tx: tx)
            _ = try await tx.connectors.delete(id: existing.connector.id)
        }
    }

    /// A page of the delivery log, newest first.
    public func deliveries(_ query: ConnectorDeliveryQuery, tenant: TenantID) async throws -> [ConnectorDelivery] {
        guard (1...200).contains(query.limit) else {
            throw AppError(.invalidInput, code: "invalid_parameter", message: "limit must be 1-200", field: "limit")
        }
        return try await store.transaction(tenant) { try await $0.connectors.deliveries(query) }
    }

    public func delivery(_ id: ConnectorDeliveryID, tenant: TenantID) async throws -> ConnectorDelivery {
        guard let found = try await store.transaction(tenant, { try await $0.connectors.find(delivery: id) }) else {
            throw AppError.notFound("delivery")
        }
        return found
    }

    /// Sends a failed or quarantined delivery again, from a fresh count of attempts.
    /// - Throws: `conflict` (`not_replayable`) for a delivery that is pending, retrying or delivered.
    public func replay(_ id: ConnectorDeliveryID, tenant: TenantID) async throws -> ConnectorDelivery {
        let at = now()
        return try await store.transaction(tenant) { tx in
            guard let delivery = try await tx.connectors.find(delivery: id) else { throw AppError.notFound("delivery") }
            guard delivery.status == .failed || delivery.status == .quarantined,
                try await tx.connectors.reopen(
                    delivery: id, job: ConnectorDeliverer.job(for: id, tenant: tenant), queue: ConnectorDeliverer.queue,
                    at: at)
            else {
                throw AppError(
                    .conflict, code: "not_replayable",
                    message:
                        "only failed or quarantined deliveries can be replayed (this one is \(delivery.status.rawValue))"
                )
            }
            return try await tx.connectors.find(delivery: id) ?? delivery
        }
    }

    /// Sends a test message now (through an open circuit, within the rate limit) and returns
    /// the delivery with its outcome; it stays in the log like any other.
    public func sendTest(_ reference: String, tenant: TenantID) async throws -> ConnectorDelivery {
        guard let tenantRecord = try await tenants.find(id: tenant) else { throw AppError.notFound("tenant") }
        let at = now()
        let deliveryID = ConnectorDeliveryID()
        try await store.transaction(tenant) { tx in
            let stored = try await Self.find(reference, tx: tx)
            guard stored.connector.kind.isOutbound else {
                throw AppError(
                    .invalidInput, code: "not_outbound",
                    message: "\(stored.connector.kind.rawValue) connectors receive messages; there is nothing to send")
            }
            let message = try await ConnectorMessageComposer(tx: tx, tenant: tenantRecord, publicURL: publicURL)
                .compose(
                    deliveryID: deliveryID, eventType: "connector.test", eventID: deliveryID.description,
                    occurredAt: at,
                    ticket: nil, connector: stored.connector)
            let delivery = ConnectorDelivery(
                id: deliveryID, tenantID: tenant, connectorID: stored.connector.id,
                idempotencyKey: "test:\(deliveryID)", eventType: "connector.test", ticketID: nil,
                message: message.stored,
                createdAt: at, updatedAt: at)
            // The job is a safety net: if this request dies before the attempt, the worker sends it.
            _ = try await tx.connectors.insert(
                delivery, job: ConnectorDeliverer.job(for: deliveryID, tenant: tenant), queue: ConnectorDeliverer.queue,
                causedBy: EventID(deliveryID.rawValue))
        }
        if let attempted = try await deliverer.attempt(deliveryID, tenant: tenant, ignoringCircuit: true) {
            return attempted
        }
        return try await delivery(deliveryID, tenant: tenant)
    }

    /// Re-seals every connector's secrets under the ring's current key (after a new key was
    /// put first in CONCIERGE_SECRET_KEYS). - Returns: how many connectors were re-sealed.
    public func resealSecrets(tenant: TenantID) async throws -> Int {
        guard let current = secrets.currentKeyID else { throw SecretBox.missingKeys }
        return try await store.transaction(tenant) { tx in
            var count = 0
            for stored in try await tx.connectors.list() {
                guard let sealedValue = stored.sealedSecrets, stored.secretsKeyID != current else { continue }
                let opened = try secrets.open(sealedValue, tenant: tenant, connector: stored.connector.id)
                let resealed = try secrets.seal(opened, tenant: tenant, connector: stored.connector.id)
                try await tx.connectors.replaceSecrets(
                    of: stored.connector.id, sealed: resealed.sealed, keyID: resealed.keyID)
                count += 1
            }
            return count
        }
    }

    private func sealed(_ connector: Connector, _ values: [String: String]) throws -> StoredConnector {
        guard !values.isEmpty else {
            return StoredConnector(connector: connector, sealedSecrets: nil, secretsKeyID: nil)
        }
        let box = try secrets.seal(values, tenant: connector.tenantID, connector: connector.id)
        return StoredConnector(connector: connector, sealedSecrets: box.sealed, secretsKeyID: box.keyID)
    }

    static func find(_ reference: String, tx: any TenantTransaction) async throws -> StoredConnector {
        let found: StoredConnector? =
            if let id = ConnectorID(reference) { try await tx.connectors.find(id: id) } else {
                try await tx.connectors.find(key: reference)
            }
        guard let found else { throw AppError.notFound("connector") }
        return found
    }

    static func validated<T>(_ body: () throws(ValidationError) -> T) throws -> T {
        do { return try body() } catch { throw AppError.invalid(error) }
    }
}
