import NIOCore
import NIOPosix
import NIOSSL

/// One TCP connection to an IMAP server: runs commands and returns what they produced, and can
/// switch to TLS in the middle (STARTTLS).
struct IMAPConnection: Sendable {
    let channel: any Channel
    /// The handler in `channel`'s pipeline, usable on its event loop only.
    private let handler: NIOLoopBound<IMAPChannelHandler>

    /// Opens the connection, with TLS from the first byte when `implicitTLS` is given.
    static func connect(
        configuration: IMAPConfiguration, implicitTLS: NIOSSLContext?, eventLoopGroup: any EventLoopGroup
    ) async throws(IMAPError) -> IMAPConnection {
        let (host, port) = (configuration.host, configuration.port)
        let serverName = configuration.serverNameIndication
        let maximumLiteralSize = configuration.maximumMessageSize
        let bootstrap = ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
        do {
            // The handler is taken in the initializer: a TLS handshake that fails at once can
            // close the channel, and empty its pipeline, before `connect` returns.
            return try await bootstrap.connect(host: configuration.connectAddress ?? host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        let tls = try NIOSSLClientHandler(context: implicitTLS, serverHostname: serverName)
                        try channel.pipeline.syncOperations.addHandler(tls)
                    }
                    let handler = IMAPChannelHandler(maximumLiteralSize: maximumLiteralSize)
                    try channel.pipeline.syncOperations.addHandler(handler)
                    return IMAPConnection(
                        channel: channel, handler: NIOLoopBound(handler, eventLoop: channel.eventLoop))
                }
            }
        } catch ChannelError.connectTimeout {
            throw IMAPError(
                kind: .timeout, detail: "connecting to \(host):\(port) took longer than \(configuration.connectTimeout)"
            )
        } catch {
            throw IMAPError(kind: .connectionFailed, detail: "cannot connect to \(host):\(port): \(error)")
        }
    }

    /// Waits for the server's greeting without sending anything.
    func readGreeting(timeout: Duration) async throws(IMAPError) -> IMAPStatusResponse {
        try await run(tag: nil, parts: [], timeout: timeout).completion
    }

    /// Sends a command and returns its untagged responses and its tagged completion.
    func run(_ command: IMAPCommand, tag: String, timeout: Duration) async throws(IMAPError) -> IMAPCommandResult {
        try await run(tag: tag, parts: command.terminated.parts, timeout: timeout)
    }

    /// Puts TLS under the IMAP handler after the server's `OK` to STARTTLS. The next command is
    /// held back by NIOSSL until the handshake is done, and fails if the handshake does.
    func startTLS(context: NIOSSLContext, serverName: String?) async throws(IMAPError) {
        let channel = channel
        let handler = handler
        do {
            try await channel.eventLoop.submit {
                // Anything already received came in plaintext and could have been injected by an
                // attacker to be read as if it came over TLS (CVE-2011-0411 and its kin).
                guard !handler.value.hasUnreadInput else {
                    throw IMAPError(kind: .protocolViolation, detail: "the server sent data after accepting STARTTLS")
                }
                let tls = try NIOSSLClientHandler(context: context, serverHostname: serverName)
                try channel.pipeline.syncOperations.addHandler(tls, position: .first)
            }.get()
        } catch {
            channel.close(promise: nil)
            throw IMAPChannelHandler.classify(error)
        }
    }

    /// Closes the connection; failures are irrelevant once we are done with it.
    func close() async {
        try? await channel.close()
    }

    private func run(tag: String?, parts: [[UInt8]], timeout: Duration) async throws(IMAPError) -> IMAPCommandResult {
        let channel = channel
        let handler = handler
        let result = channel.eventLoop.makePromise(of: IMAPCommandResult.self)
        let written = channel.eventLoop.makePromise(of: Void.self)
        // A write that never reaches the handler (the channel is already closed) must still
        // complete the result, with the error that closed the channel rather than the
        // "I/O on closed channel" that follows it.
        written.futureResult.whenFailure { error in
            result.fail(handler.value.failure ?? IMAPChannelHandler.classify(error))
        }
        let buffers = parts.map { ByteBuffer(bytes: $0) }
        channel.writeAndFlush(
            IMAPRequest(tag: tag, parts: buffers, timeout: TimeAmount(timeout), promise: result),
            promise: written)
        do {
            // Cancelling the task (e.g. at shutdown) closes the connection, which fails the result.
            return try await withTaskCancellationHandler {
                try await result.futureResult.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            throw IMAPChannelHandler.classify(error)
        }
    }
}
