import NIOCore
import NIOSSL

/// A command for ``SMTPChannelHandler``: bytes to send, and the promise for the server's reply.
struct SMTPRequest: Sendable {
    /// `nil` sends nothing and waits for the next reply: the greeting.
    var bytes: ByteBuffer?
    /// How long the server may take to reply.
    var timeout: TimeAmount
    var replyPromise: EventLoopPromise<SMTPReply>
}

/// Matches the server's replies to the client's requests, in order, and fails the waiting
/// request when the reply takes too long or the connection breaks.
///
/// SMTP without PIPELINING is strictly one reply per command, so a FIFO of waiters is all the
/// state there is. After the first failure every later request fails at once with that same
/// error: a timed-out or broken conversation cannot be resumed, and the first cause is the one
/// worth logging.
final class SMTPChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private struct Waiter {
        var promise: EventLoopPromise<SMTPReply>
        var timeout: Scheduled<Void>
    }

    private var parser = SMTPReplyParser()
    private var waiters = CircularBuffer<Waiter>()
    private var unclaimedReplies = CircularBuffer<SMTPReply>()
    /// The first failure of this connection; every later request fails with it.
    private(set) var failure: SMTPError?

    /// Whether the server sent anything not yet consumed; must be false when TLS starts.
    var hasUnreadInput: Bool { parser.hasBufferedInput || !unclaimedReplies.isEmpty }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let failure {
            request.replyPromise.fail(failure)
            promise?.fail(failure)
            return
        }
        let timeout = context.eventLoop.assumeIsolated().scheduleTask(in: request.timeout) {
            self.fail(
                SMTPError(kind: .timeout, detail: "no reply within \(request.timeout.nanoseconds / 1_000_000) ms"))
            context.close(promise: nil)
        }
        waiters.append(Waiter(promise: request.replyPromise, timeout: timeout))
        if let bytes = request.bytes {
            context.writeAndFlush(wrapOutboundOut(bytes), promise: promise)
        } else {
            promise?.succeed()
        }
        deliverReplies()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        do {
            unclaimedReplies.append(contentsOf: try parser.consume(unwrapInboundIn(data)))
            deliverReplies()
        } catch {
            fail(error)
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPError(kind: .connectionClosed, detail: "the server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(Self.classify(error))
        context.close(promise: nil)
    }

    private func deliverReplies() {
        while !waiters.isEmpty, !unclaimedReplies.isEmpty {
            let waiter = waiters.removeFirst()
            waiter.timeout.cancel()
            waiter.promise.succeed(unclaimedReplies.removeFirst())
        }
    }

    private func fail(_ error: SMTPError) {
        let error = failure ?? error
        failure = error
        while let waiter = waiters.popFirst() {
            waiter.timeout.cancel()
            waiter.promise.fail(error)
        }
    }

    /// Maps what NIO and NIOSSL report to what the delivery pipeline decides on: a TLS failure
    /// (untrusted or mismatched certificate) is permanent, a broken connection retryable.
    static func classify(_ error: any Error) -> SMTPError {
        switch error {
        case let error as SMTPError:
            return error
        case NIOSSLError.uncleanShutdown:
            return SMTPError(
                kind: .connectionClosed, detail: "the server closed the TLS connection without close_notify")
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
            return SMTPError(kind: .tlsFailed, detail: "TLS: \(error)")
        default:
            return SMTPError(kind: .connectionClosed, detail: "\(error)")
        }
    }
}
