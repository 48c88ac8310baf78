import Foundation

/// One message to one connector and what became of it: the delivery log's row.
public struct ConnectorDelivery: Sendable, Equatable {
    public var id: ConnectorDeliveryID
    public var tenantID: TenantID
    public var connectorID: ConnectorID
    /// Makes a repeated fan-out create one delivery (the event id, a rule run, a test send).
    public var idempotencyKey: String
    public var eventType: String
    public var ticketID: TicketID?
    /// What to send, composed when the delivery was created (see `ConnectorMessage`).
    public var message: [String: JSONValue]
    public var status: ConnectorDeliveryStatus
    public var attempts: Int
    /// The last request, without secrets: `POST https://host/path`.
    public var requestSummary: String?
    public var responseStatus: Int?
    public var lastError: String?
    public var latencyMilliseconds: Int?
    public var nextAttemptAt: Date?
    public var createdAt: Date
    public var updatedAt: Date
    public var deliveredAt: Date?
    /// What the peer answered to the delivered attempt, when it says more than "accepted" (the
    /// number of the ERP document an issue order became, say).
    public var result: String?

    public init(
        id: ConnectorDeliveryID = ConnectorDeliveryID(), tenantID: TenantID, connectorID: ConnectorID,
        idempotencyKey: String, eventType: String, ticketID: TicketID?, message: [String: JSONValue],
        status: ConnectorDeliveryStatus = .pending, attempts: Int = 0, requestSummary: String? = nil,
        responseStatus: Int? = nil, lastError: String? = nil, latencyMilliseconds: Int? = nil,
        nextAttemptAt: Date? = nil, createdAt: Date, updatedAt: Date, deliveredAt: Date? = nil, result: String? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.connectorID = connectorID
        self.idempotencyKey = idempotencyKey
        self.eventType = eventType
        self.ticketID = ticketID
        self.message = message
        self.status = status
        self.attempts = attempts
        self.requestSummary = requestSummary
        self.responseStatus = responseStatus
        self.lastError = lastError
        self.latencyMilliseconds = latencyMilliseconds
        self.nextAttemptAt = nextAttemptAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.deliveredAt = deliveredAt
        self.result = result
    }
}
