import NIOCore
import NIOPosix
import NIOSSL

/// One TCP connection to an SMTP server: sends commands and awaits the replies, and can switch
/// to TLS in the middle (STARTTLS).
struct SMTPConnection: Sendable {
    let channel: any Channel
    /// The handler in `channel`'s pipeline, usable on its event loop only.
    private let handler: NIOLoopBound<SMTPChannelHandler>

    /// Opens the connection, with TLS from the first byte when `implicitTLS` is given.
    static func connect(
        host: String, port: Int, timeout: Duration, implicitTLS: NIOSSLContext?, serverName: String?,
        eventLoopGroup: any EventLoopGroup
    ) async throws(SMTPError) -> SMTPConnection {
        let bootstrap = ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(TimeAmount(timeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        let tls = try NIOSSLClientHandler(context: implicitTLS, serverHostname: serverName)
                        try channel.pipeline.syncOperations.addHandler(tls)
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPChannelHandler())
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch ChannelError.connectTimeout {
            throw SMTPError(kind: .timeout, detail: "connecting to \(host):\(port) took longer than \(timeout)")
        } catch {
            throw SMTPError(kind: .connectionFailed, detail: "cannot connect to \(host):\(port): \(error)")
        }
        do {
            let handler = try await channel.eventLoop.submit {
                NIOLoopBound(
                    try channel.pipeline.syncOperations.handler(type: SMTPChannelHandler.self),
                    eventLoop: channel.eventLoop)
            }.get()
            return SMTPConnection(channel: channel, handler: handler)
        } catch {
            channel.close(promise: nil)
            throw SMTPError(kind: .connectionClosed, detail: "the connection to \(host):\(port) closed at once")
        }
    }

    /// Waits for the next reply without sending anything: the greeting.
    func readReply(timeout: Duration) async throws(SMTPError) -> SMTPReply {
        try await exchange(nil, timeout: timeout)
    }

    /// Sends one command line and returns the server's reply.
    func send(command: String, timeout: Duration) async throws(SMTPError) -> SMTPReply {
        try await exchange(ByteBuffer(string: command + "\r\n"), timeout: timeout)
    }

    /// Sends the message data (already dot-stuffed and terminated) and returns the final reply.
    func send(data: ByteBuffer, timeout: Duration) async throws(SMTPError) -> SMTPReply {
        try await exchange(data, timeout: timeout)
    }

    /// Puts TLS under the SMTP handler after the server's `220` to STARTTLS. The next command is
    /// held back by NIOSSL until the handshake is done, and fails if the handshake does.
    func startTLS(context: NIOSSLContext, serverName: String?) async throws(SMTPError) {
        let channel = channel
        do {
            try await channel.eventLoop.submit {
                let smtp = try channel.pipeline.syncOperations.handler(type: SMTPChannelHandler.self)
                // Anything already received was sent in plaintext and could have been injected by
                // an attacker to be read as if it came over TLS (CVE-2011-0411 and its kin).
                guard !smtp.hasUnreadInput else {
                    throw SMTPError(kind: .protocolViolation, detail: "the server sent data after accepting STARTTLS")
                }
                let tls = try NIOSSLClientHandler(context: context, serverHostname: serverName)
                try channel.pipeline.syncOperations.addHandler(tls, position: .first)
            }.get()
        } catch {
            channel.close(promise: nil)
            throw SMTPChannelHandler.classify(error)
        }
    }

    /// Closes the connection; failures are irrelevant once we are done with it.
    func close() async {
        try? await channel.close()
    }

    private func exchange(_ bytes: ByteBuffer?, timeout: Duration) async throws(SMTPError) -> SMTPReply {
        let channel = channel
        let handler = handler
        let reply = channel.eventLoop.makePromise(of: SMTPReply.self)
        let written = channel.eventLoop.makePromise(of: Void.self)
        // A write that never reaches the handler (the channel is already closed) must still
        // complete the reply, or we would wait forever; with the error that closed the channel
        // (e.g. a failed TLS handshake) rather than the "I/O on closed channel" that follows it.
        written.futureResult.whenFailure { error in
            reply.fail(handler.value.failure ?? SMTPChannelHandler.classify(error))
        }
        channel.writeAndFlush(
            SMTPRequest(bytes: bytes, timeout: TimeAmount(timeout), replyPromise: reply), promise: written)
        do {
            // Cancelling the task (e.g. at shutdown) closes the connection, which fails the reply.
            return try await withTaskCancellationHandler {
                try await reply.futureResult.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            throw SMTPChannelHandler.classify(error)
        }
    }
}
