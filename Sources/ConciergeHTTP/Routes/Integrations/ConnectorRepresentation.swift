import ConciergeCore
import ConciergeDomain
import Foundation

/// A connector in JSON. Secrets appear only as `{"name": "set"}`: never their values.
struct ConnectorRepresentation: Encodable, Sendable {
    var id: ConnectorID
    var key: String
    var kind: ConnectorKind
    var name: String
    var enabled: Bool
    var settings: [String: JSONValue]
    var secrets: [String: String]
    var events: [String]
    var rateLimitPerMinute: Int
    var circuit: Circuit
    var createdAt: Date
    var updatedAt: Date

    struct Circuit: Encodable, Sendable {
        var consecutiveFailures: Int
        var openUntil: Date?
    }

    init(_ connector: Connector) {
        id = connector.id
        key = connector.key
        kind = connector.kind
        name = connector.name
        enabled = connector.enabled
        settings = connector.settings
        secrets = Dictionary(uniqueKeysWithValues: connector.secretNames.map { ($0, "set") })
        events = connector.events
        rateLimitPerMinute = connector.rateLimitPerMinute
        circuit = Circuit(
            consecutiveFailures: connector.circuit.consecutiveFailures, openUntil: connector.circuit.openUntil)
        createdAt = connector.createdAt
        updatedAt = connector.updatedAt
    }
}

/// One row of the delivery log (the message itself only on the single-delivery read).
struct DeliveryRepresentation: Encodable, Sendable {
    var id: ConnectorDeliveryID
    var connectorId: ConnectorID
    var eventType: String
    var ticketId: TicketID?
    var status: ConnectorDeliveryStatus
    var attempts: Int
    var requestSummary: String?
    var responseStatus: Int?
    var lastError: String?
    var latencyMs: Int?
    var nextAttemptAt: Date?
    var createdAt: Date
    var updatedAt: Date
    var deliveredAt: Date?
    var result: String?
    var message: [String: JSONValue]?

    init(_ delivery: ConnectorDelivery, withMessage: Bool = false) {
        id = delivery.id
        connectorId = delivery.connectorID
        eventType = delivery.eventType
        ticketId = delivery.ticketID
        status = delivery.status
        attempts = delivery.attempts
        requestSummary = delivery.requestSummary
        responseStatus = delivery.responseStatus
        lastError = delivery.lastError
        latencyMs = delivery.latencyMilliseconds
        nextAttemptAt = delivery.nextAttemptAt
        createdAt = delivery.createdAt
        updatedAt = delivery.updatedAt
        deliveredAt = delivery.deliveredAt
        result = delivery.result
        message = withMessage ? delivery.message : nil
    }
}
