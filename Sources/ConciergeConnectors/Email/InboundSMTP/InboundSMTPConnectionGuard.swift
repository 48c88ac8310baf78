import NIOCore

/// Watches one connection from inside its pipeline: disconnects a client that stays silent
/// while the server waits for it, ends the session politely at shutdown, and counts the bytes
/// received so that STARTTLS can tell whether plaintext is still unread.
///
/// The server waits for the client from the moment it sends a reply (the greeting first) until
/// the next byte arrives. While the session runs the recipient check or the message handler (``Event/pause``)
/// the client is waiting for us, so the idle timer stops until the next reply.
final class InboundSMTPConnectionGuard: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// What the session and the server tell the guard, as user outbound events.
    enum Event: Sendable {
        /// The session is busy for the client; the idle timer stops until the next reply.
        case pause
        /// The server shuts down: say `421` and close now, or right after the reply of a busy
        /// session, so that a message being stored is still acknowledged.
        case shutDown
    }

    private let idleTimeout: TimeAmount
    private let serverName: String
    private var timer: Scheduled<Void>?
    private var isPaused = false
    private var closesAfterNextReply = false
    /// Every byte received so far, decrypted if TLS is on.
    private(set) var bytesReceived = 0

    init(idleTimeout: TimeAmount, serverName: String) {
        self.idleTimeout = idleTimeout
        self.serverName = serverName
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        bytesReceived += unwrapInboundIn(data).readableBytes
        if !isPaused { restartTimer(context: context) }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        isPaused = false
        restartTimer(context: context)
        context.write(data, promise: promise)
        if closesAfterNextReply { closeWithNotice(context: context, "4.3.2 \(serverName) shutting down") }
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        switch event {
        case Event.pause:
            isPaused = true
            timer?.cancel()
            promise?.succeed()
        case Event.shutDown:
            if isPaused {
                closesAfterNextReply = true
            } else {
                closeWithNotice(context: context, "4.3.2 \(serverName) shutting down")
            }
            promise?.succeed()
        default:
            context.triggerUserOutboundEvent(event, promise: promise)
        }
    }

    private func restartTimer(context: ChannelHandlerContext) {
        timer?.cancel()
        guard context.channel.isActive else { return }
        let notice = "4.4.2 \(serverName) idle for too long, closing"
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: idleTimeout) {
            self.closeWithNotice(context: context, notice)
        }
    }

    /// Sends `421 text` and closes the connection; the session sees the end of its input.
    private func closeWithNotice(context: ChannelHandlerContext, _ text: String) {
        timer?.cancel()
        closesAfterNextReply = false
        context.writeAndFlush(wrapOutboundOut(InboundSMTPReply(421, text).buffer)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
