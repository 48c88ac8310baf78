import Logging
import NIOSSL

/// Decides during `RCPT TO` whether the server takes mail for an address, e.g. by looking up
/// the tenant's support addresses. Refused recipients get `550`.
public typealias InboundSMTPRecipientFilter = @Sendable (_ recipient: String) async -> Bool

/// Stores one received message before the server acknowledges it: the sending server hears
/// `250` only after this returns, and `451` (try again later) when it throws.
public typealias InboundSMTPMessageHandler =
    @Sendable (_ envelope: InboundSMTPEnvelope, _ rawMessage: [UInt8]) async throws -> Void

/// What every session of a server shares: the configuration, the TLS context and the callbacks.
struct InboundSMTPSessionContext: Sendable {
    let configuration: InboundSMTPConfiguration
    let sslContext: NIOSSLContext?
    let acceptsRecipient: InboundSMTPRecipientFilter
    let receiveMessage: InboundSMTPMessageHandler
    let logger: Logger
}
