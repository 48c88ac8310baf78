import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Receives mail over SMTP (RFC 5321), as the server an MX forwards support mail to.
///
/// ```swift
/// let server = try await InboundSMTPServer.bind(
///     configuration: InboundSMTPConfiguration(port: 2525, serverName: "mx.concierge.example", tls: tls),
///     acceptsRecipient: { address in await routing.isSupportAddress(address) },
///     receiveMessage: { envelope, rawMessage in try await inbox.store(envelope, rawMessage) })
/// async let serving: Void = server.run()
/// …
/// await server.shutdown()
/// await serving
/// ```
///
/// The server offers PIPELINING, SIZE, 8BITMIME, ENHANCEDSTATUSCODES and, with a certificate,
/// STARTTLS. Every message is handed to `receiveMessage` and acknowledged only after it returns,
/// so a message the sender was told is delivered is stored; if the handler throws, the sender
/// hears `451` and tries again later. Recipients are checked with `acceptsRecipient` (`550` when
/// refused). Messages are passed on exactly as received, without a `Received:` header; the
/// envelope carries the sender's address and name. Authentication is not offered: an MX
/// accepts mail for its own recipients only.
public final class InboundSMTPServer: Sendable {
    /// The address the server is bound to, with the actual port when port 0 was configured.
    public let localAddress: SocketAddress
    private let serverChannel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let registry: InboundSMTPConnectionRegistry
    private let context: InboundSMTPSessionContext

    /// Binds the configured address; the server accepts connections once ``run()`` is called.
    ///
    /// - Parameters:
    ///   - configuration: Address, name, certificate and limits.
    ///   - acceptsRecipient: Decides for each `RCPT TO` whether to take mail for the address.
    ///   - receiveMessage: Stores a message before the sender is told it was delivered.
    ///   - eventLoopGroup: Where connections run; the shared NIO group by default.
    ///   - logger: Receives connection and message events (never message contents).
    /// - Throws: ``InboundSMTPError`` when the certificate cannot be loaded or the address bound.
    public static func bind(
        configuration: InboundSMTPConfiguration,
        acceptsRecipient: @escaping InboundSMTPRecipientFilter,
        receiveMessage: @escaping InboundSMTPMessageHandler,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "concierge.smtp.inbound")
    ) async throws(InboundSMTPError) -> InboundSMTPServer {
        let context = InboundSMTPSessionContext(
            configuration: configuration, sslContext: try makeSSLContext(configuration.tls),
            acceptsRecipient: acceptsRecipient, receiveMessage: receiveMessage, logger: logger)
        let idleTimeout = TimeAmount(configuration.idleTimeout)
        let serverName = configuration.serverName
        let serverChannel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
        do {
            serverChannel = try await ServerBootstrap(group: eventLoopGroup)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .bind(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            InboundSMTPConnectionGuard(idleTimeout: idleTimeout, serverName: serverName))
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw InboundSMTPError(
                kind: .bindFailed, detail: "cannot bind \(configuration.host):\(configuration.port): \(error)")
        }
        guard let localAddress = serverChannel.channel.localAddress else {
            serverChannel.channel.close(promise: nil)
            throw InboundSMTPError(kind: .bindFailed, detail: "the listening socket has no local address")
        }
        logger.info("inbound smtp listening", metadata: ["smtp.address": "\(localAddress)"])
        return InboundSMTPServer(
            localAddress: localAddress, serverChannel: serverChannel,
            registry: InboundSMTPConnectionRegistry(maximumConnections: configuration.maximumConnections),
            context: context)
    }

    private init(
        localAddress: SocketAddress, serverChannel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>,
        registry: InboundSMTPConnectionRegistry, context: InboundSMTPSessionContext
    ) {
        self.localAddress = localAddress
        self.serverChannel = serverChannel
        self.registry = registry
        self.context = context
    }

    /// Accepts and serves connections, each in a child task, until ``shutdown(gracePeriod:)``
    /// or the task's cancellation; returns once every session has ended. Call it once.
    public func run() async {
        do {
            try await serverChannel.executeThenClose { connections in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in connections {
                            group.addTask { await self.serve(connection) }
                        }
                    } catch {
                        context.logger.debug("inbound smtp stopped accepting", metadata: ["smtp.error": "\(error)"])
                    }
                }
            }
        } catch {
            context.logger.debug("inbound smtp listener closed", metadata: ["smtp.error": "\(error)"])
        }
    }

    /// Stops accepting connections and ends the sessions: idle ones at once with `421`, one that
    /// is storing a message right after acknowledging it. Sessions still open after
    /// `gracePeriod` are cut off. ``run()`` returns when the last session has ended.
    public func shutdown(gracePeriod: Duration = .seconds(30)) async {
        let channels = await registry.shutDown()
        serverChannel.channel.close(promise: nil)
        for channel in channels {
            channel.triggerUserOutboundEvent(InboundSMTPConnectionGuard.Event.shutDown, promise: nil)
            channel.eventLoop.scheduleTask(in: TimeAmount(gracePeriod)) { channel.close(promise: nil) }
        }
    }

    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        let channel = connection.channel
        var logger = context.logger
        logger[metadataKey: "smtp.remote"] = "\(channel.remoteAddress?.description ?? "?")"
        guard await registry.admit(channel) else {
            logger.notice("inbound smtp connection refused: too many connections or shutting down")
            let busy = InboundSMTPReply(421, "4.3.2 \(context.configuration.serverName) busy, try again later")
            try? await connection.executeThenClose { _, outbound in try await outbound.write(busy.buffer) }
            return
        }
        do {
            try await connection.executeThenClose { inbound, _ in
                var session = InboundSMTPSession(channel: channel, context: context)
                try await session.run(inbound)
            }
        } catch {
            logger.debug("inbound smtp session ended", metadata: ["smtp.error": "\(error)"])
        }
        await registry.remove(channel)
    }

    private static func makeSSLContext(_ tls: InboundSMTPConfiguration.TLS?) throws(InboundSMTPError) -> NIOSSLContext?
    {
        guard let tls else { return nil }
        do {
            let certificates = try NIOSSLCertificate.fromPEMFile(tls.certificateChainFile)
            let key = try NIOSSLPrivateKey(file: tls.privateKeyFile, format: .pem)
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: certificates.map { .certificate($0) }, privateKey: .privateKey(key))
            configuration.minimumTLSVersion = .tlsv12
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw InboundSMTPError(
                kind: .invalidConfiguration, detail: "cannot load the TLS certificate or key: \(error)")
        }
    }
}
