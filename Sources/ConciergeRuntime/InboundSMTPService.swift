import ConciergeConnectors
import ConciergeCore
import Logging
import ServiceLifecycle

/// The inbound SMTP endpoint as a lifecycle service of the worker: mail for the tenants'
/// mailbox addresses (an MX or a forwarding rule delivers it here) becomes tickets, and a
/// message is acknowledged only once the intake stored it.
struct InboundSMTPService: Service {
    let configuration: InboundSMTPConfiguration
    let router: InboundMailRouter
    let logger: Logger

    func run() async throws {
        let router = router
        let server = try await InboundSMTPServer.bind(
            configuration: configuration,
            acceptsRecipient: { await router.accepts($0) },
            receiveMessage: { envelope, raw in try await router.deliver(raw, to: envelope.recipients) },
            logger: logger)
        logger.info("inbound SMTP listening", metadata: ["address": "\(String(describing: server.localAddress))"])
        await withGracefulShutdownHandler {
            await server.run()
        } onGracefulShutdown: {
            Task { await server.shutdown() }
        }
    }
}
