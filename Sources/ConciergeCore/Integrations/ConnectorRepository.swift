import ConciergeDomain
import Foundation

/// A connector as stored: the entity and its sealed secrets.
public struct StoredConnector: Sendable, Equatable {
    public var connector: Connector
    /// `nil` when the connector has no secrets.
    public var sealedSecrets: String?
    public var secretsKeyID: String?

    public init(connector: Connector, sealedSecrets: String?, secretsKeyID: String?) {
        self.connector = connector
        self.sealedSecrets = sealedSecrets
        self.secretsKeyID = secretsKeyID
    }
}

/// Filters of the delivery log.
public struct ConnectorDeliveryQuery: Sendable {
    public var connectorID: ConnectorID?
    /// Only deliveries about this ticket.
    public var ticketID: TicketID?
    public var statuses: [ConnectorDeliveryStatus]
    /// Only deliveries created before this one (the page's cursor).
    public var before: (createdAt: Date, id: ConnectorDeliveryID)?
    public var limit: Int

    public init(
        connectorID: ConnectorID? = nil, statuses: [ConnectorDeliveryStatus] = [],
        before: (createdAt: Date, id: ConnectorDeliveryID)? = nil, limit: Int = 50
    ) {
        self.connectorID = connectorID
        self.statuses = statuses
        self.before = before
        self.limit = limit
    }

}

/// The result of one attempt, as recorded on the delivery.
public struct ConnectorAttemptRecord: Sendable, Equatable {
    public var status: ConnectorDeliveryStatus
    public var requestSummary: String?
    public var responseStatus: Int?
    public var error: String?
    public var latencyMilliseconds: Int?
    public var nextAttemptAt: Date?
    /// What the peer said about a delivered message (``ConnectorDelivery/result``).
    public var result: String?
    public var at: Date

    public init(
        status: ConnectorDeliveryStatus, requestSummary: String?, responseStatus: Int?, error: String?,
        latencyMilliseconds: Int?, nextAttemptAt: Date?, result: String? = nil, at: Date
    ) {
        self.status = status
        self.requestSummary = requestSummary
        self.responseStatus = responseStatus
        self.error = error
        self.latencyMilliseconds = latencyMilliseconds
        self.nextAttemptAt = nextAttemptAt
        self.result = result
        self.at = at
    }
}

/// Connectors and their deliveries, within one tenant transaction.
public protocol ConnectorRepository: Sendable {
    func insert(_ stored: StoredConnector) async throws
    func update(_ stored: StoredConnector) async throws
    func delete(id: ConnectorID) async throws -> Bool
    func find(id: ConnectorID) async throws -> StoredConnector?
    func find(key: String) async throws -> StoredConnector?
    func list() async throws -> [StoredConnector]
    /// Enabled connectors subscribed to `eventType`.
    func subscribed(to eventType: String) async throws -> [StoredConnector]
    /// Saves the circuit breaker's state only (no other column, no `updated_at`).
    func saveCircuit(_ circuit: ConnectorCircuit, of id: ConnectorID) async throws

    /// Inserts `delivery` and the outbox row of its job `job`, unless a delivery with the same
    /// connector and idempotency key exists. - Returns: whether it was inserted.
    func insert(_ delivery: ConnectorDelivery, job: Job, queue: String, causedBy event: EventID) async throws -> Bool
    func find(delivery id: ConnectorDeliveryID) async throws -> ConnectorDelivery?
    /// The delivery of `connector` with this idempotency key (unique per connector).
    func find(idempotencyKey key: String, connector: ConnectorID) async throws -> ConnectorDelivery?
    func deliveries(_ query: ConnectorDeliveryQuery) async throws -> [ConnectorDelivery]
    /// Takes a short lease on an open delivery so only one worker sends it.
    /// - Returns: the delivery, or `nil` when it is not open or another worker holds it.
    func claim(delivery id: ConnectorDeliveryID, until: Date, now: Date) async throws -> ConnectorDelivery?
    /// Records an attempt (attempts + 1) and releases the lease.
    func recordAttempt(_ record: ConnectorAttemptRecord, of id: ConnectorDeliveryID) async throws
    /// Releases the lease without counting an attempt (rate limit, open circuit).
    func postpone(delivery id: ConnectorDeliveryID, until: Date) async throws
    /// Makes a failed or quarantined delivery pending again, attempts reset, for a replay.
    func reopen(delivery id: ConnectorDeliveryID, job: Job, queue: String, at: Date) async throws -> Bool
    /// Re-seals secrets (key rotation).
    func replaceSecrets(of id: ConnectorID, sealed: String, keyID: String) async throws
}
