import NIOCore
import NIOSSL

/// A command for ``IMAPChannelHandler``: its parts, and the promise for what it produced.
struct IMAPRequest: Sendable {
    /// The command's tag; `nil` sends nothing and waits for the greeting.
    var tag: String?
    /// The first part is sent at once, each later one after a `+` continuation.
    var parts: [ByteBuffer]
    /// How long the server may stay silent while the command runs.
    var timeout: TimeAmount
    var promise: EventLoopPromise<IMAPCommandResult>
}

/// Runs one command at a time: sends its parts, collects the untagged responses that arrive
/// meanwhile and completes it with the tagged response carrying its tag.
///
/// The timeout counts silence, not total time: every byte received restarts it. After the first
/// failure every later request fails at once with that same error; a broken conversation
/// cannot be resumed, and the first cause is the one worth logging.
final class IMAPChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = IMAPRequest
    typealias OutboundOut = ByteBuffer

    /// Responses the server may send before the client asks anything: the greeting and a few
    /// status lines. More than this without a command is not a conversation.
    private static let maximumUnclaimedResponses = 32

    private struct Running {
        var request: IMAPRequest
        var nextPart = 1
        var untagged: [IMAPUntaggedResponse] = []
        var timeout: Scheduled<Void>?
    }

    private var framer: IMAPResponseFramer
    private var running: Running?
    private var unclaimed: [IMAPResponse] = []
    private var lastBye: IMAPStatusResponse?
    /// The first failure of this connection; every later request fails with it.
    private(set) var failure: IMAPError?

    init(maximumLiteralSize: Int) {
        framer = IMAPResponseFramer(maximumLiteralSize: maximumLiteralSize)
    }

    /// Whether the server sent anything not yet consumed; must be false when TLS starts.
    var hasUnreadInput: Bool { framer.hasBufferedInput || !unclaimed.isEmpty }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        let error = failure ?? (running == nil ? nil : IMAPError(kind: .protocolViolation, detail: "command overlap"))
        if let error {
            request.promise.fail(error)
            promise?.fail(error)
            return
        }
        running = Running(request: request)
        restartTimeout(context: context)
        if let first = request.parts.first {
            context.writeAndFlush(wrapOutboundOut(first), promise: promise)
        } else {
            promise?.succeed()
        }
        let waiting = unclaimed
        unclaimed = []
        for response in waiting { handle(response, context: context) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        do throws(IMAPError) {
            let responses = try framer.consume(unwrapInboundIn(data))
            if running != nil { restartTimeout(context: context) }
            for pieces in responses {
                handle(try IMAPResponseParser.parse(pieces), context: context)
            }
        } catch {
            fail(error)
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        let detail = lastBye.map { "the server closed the connection: \($0)" } ?? "the server closed the connection"
        fail(IMAPError(kind: .connectionClosed, detail: detail))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(Self.classify(error))
        context.close(promise: nil)
    }

    private func handle(_ response: IMAPResponse, context: ChannelHandlerContext) {
        guard var current = running else {
            unclaimed.append(response)
            if unclaimed.count > Self.maximumUnclaimedResponses {
                fail(IMAPError(kind: .protocolViolation, detail: "the server talks without being asked"))
                context.close(promise: nil)
            }
            return
        }
        switch response {
        case .continuation:
            guard current.nextPart < current.request.parts.count else {
                fail(IMAPError(kind: .protocolViolation, detail: "unexpected continuation request"))
                context.close(promise: nil)
                return
            }
            context.writeAndFlush(wrapOutboundOut(current.request.parts[current.nextPart]), promise: nil)
            current.nextPart += 1
            running = current
        case .untagged(.status(let status)) where current.request.tag == nil:
            complete(IMAPCommandResult(untagged: current.untagged, completion: status))
        case .untagged(let untagged):
            if case .status(let status) = untagged, status.status == .bye { lastBye = status }
            current.untagged.append(untagged)
            running = current
        case .tagged(let tag, let status):
            guard tag == current.request.tag else {
                fail(IMAPError(kind: .protocolViolation, detail: "response for unknown tag \(tag)"))
                context.close(promise: nil)
                return
            }
            complete(IMAPCommandResult(untagged: current.untagged, completion: status))
        }
    }

    private func complete(_ result: IMAPCommandResult) {
        guard let current = running else { return }
        running = nil
        current.timeout?.cancel()
        current.request.promise.succeed(result)
    }

    private func restartTimeout(context: ChannelHandlerContext) {
        guard var current = running else { return }
        current.timeout?.cancel()
        let timeout = current.request.timeout
        current.timeout = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.fail(
                IMAPError(kind: .timeout, detail: "the server was silent for \(timeout.nanoseconds / 1_000_000) ms"))
            context.close(promise: nil)
        }
        running = current
    }

    private func fail(_ error: IMAPError) {
        let error = failure ?? error
        failure = error
        guard let current = running else { return }
        running = nil
        current.timeout?.cancel()
        current.request.promise.fail(error)
    }

    /// Maps what NIO and NIOSSL report to what the poller decides on: a TLS failure (untrusted
    /// or mismatched certificate) is permanent, a broken connection retryable.
    static func classify(_ error: any Error) -> IMAPError {
        switch error {
        case let error as IMAPError:
            return error
        case NIOSSLError.uncleanShutdown:
            return IMAPError(
                kind: .connectionClosed, detail: "the server closed the TLS connection without close_notify")
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
            return IMAPError(kind: .tlsFailed, detail: "TLS: \(error)")
        default:
            return IMAPError(kind: .connectionClosed, detail: "\(error)")
        }
    }
}
