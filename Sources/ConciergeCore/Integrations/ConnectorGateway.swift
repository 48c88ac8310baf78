import ConciergeDomain
import Foundation

/// Where and how to send: a connector's kind, settings and opened secrets.
public struct ConnectorEndpoint: Sendable {
    public var connectorID: ConnectorID
    public var kind: ConnectorKind
    public var settings: [String: JSONValue]
    public var secrets: [String: String]

    public init(connectorID: ConnectorID, kind: ConnectorKind, settings: [String: JSONValue], secrets: [String: String])
    {
        self.connectorID = connectorID
        self.kind = kind
        self.settings = settings
        self.secrets = secrets
    }
}

/// What one attempt came to.
public struct ConnectorAttempt: Sendable, Equatable {
    /// How the pipeline goes on.
    public enum Outcome: Sendable, Equatable {
        case delivered
        /// Try again; after `retryAfter` when the peer said so (throttling, Retry-After).
        case retryable(retryAfter: Duration?)
        /// Never retry this message.
        case permanent
    }

    public var outcome: Outcome
    /// One line for the log: what was sent where, never a secret.
    public var requestSummary: String
    public var responseStatus: Int?
    /// Why it failed (the peer's code and message), or the peer's acknowledgement.
    public var detail: String
    public var latencyMilliseconds: Int

    public init(
        outcome: Outcome, requestSummary: String, responseStatus: Int?, detail: String, latencyMilliseconds: Int
    ) {
        self.outcome = outcome
        self.requestSummary = requestSummary
        self.responseStatus = responseStatus
        self.detail = detail
        self.latencyMilliseconds = latencyMilliseconds
    }
}

/// Sends one message to one endpoint (implemented with the vendor connectors by the runtime).
public protocol ConnectorGateway: Sendable {
    /// Never throws: every failure is an attempt with a classified outcome.
    func send(_ message: ConnectorMessage, to endpoint: ConnectorEndpoint) async -> ConnectorAttempt
}
