import NIOCore
import NIOHTTP1
import NIOSSL

/// A request for ``ConnectorHTTPExchangeHandler``: what to send, and the promise for the response.
struct ConnectorHTTPExchange: Sendable {
    var head: HTTPRequestHead
    var body: ByteBuffer?
    var responsePromise: EventLoopPromise<ConnectorHTTPResponse>
}

/// Sends one request on a fresh connection and collects the one response, whatever its framing
/// (Content-Length, chunked, or until the server closes), up to a size limit.
///
/// NIOHTTP1's decoder does the framing; this handler only counts bytes, so that a huge or
/// endless body fails as soon as it passes the limit instead of after it has been buffered.
/// The first failure wins and later requests fail with it, as in `SMTPChannelHandler`.
final class ConnectorHTTPExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = ConnectorHTTPExchange
    typealias OutboundOut = HTTPClientRequestPart

    private let bodyLimit: Int
    private var promise: EventLoopPromise<ConnectorHTTPResponse>?
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []
    private var isDone = false
    /// The first failure of this connection.
    private(set) var failure: ConnectorHTTPError?

    init(bodyLimit: Int) {
        self.bodyLimit = bodyLimit
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise writePromise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        if let failure {
            exchange.responsePromise.fail(failure)
            writePromise?.fail(failure)
            return
        }
        promise = exchange.responsePromise
        context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
        if let body = exchange.body {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: writePromise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !isDone else { return }
        guard promise != nil else {
            fail(.protocolViolation("the server sent a response before the request"), context: context)
            return
        }
        switch unwrapInboundIn(data) {
        case .head(let responseHead):
            if let length = responseHead.headers.first(name: "content-length").flatMap(Int.init), length > bodyLimit {
                fail(.responseTooLarge(limit: bodyLimit), context: context)
                return
            }
            head = responseHead
        case .body(let buffer):
            guard body.count + buffer.readableBytes <= bodyLimit else {
                fail(.responseTooLarge(limit: bodyLimit), context: context)
                return
            }
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let head else {
                fail(.protocolViolation("the response ended before its head"), context: context)
                return
            }
            isDone = true
            promise?.succeed(
                ConnectorHTTPResponse(
                    status: Int(head.status.code),
                    headers: head.headers.map { ConnectorHTTPHeader($0.name, $0.value) }, body: body))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        let reason =
            head == nil
            ? ConnectorHTTPError.connectionFailed("the server closed the connection without responding")
            : .protocolViolation("the server closed the connection in the middle of the response")
        fail(reason, context: nil)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(Self.classify(error), context: context)
    }

    private func fail(_ error: ConnectorHTTPError, context: ChannelHandlerContext?) {
        guard !isDone else { return }
        isDone = true
        failure = error
        promise?.fail(error)
        context?.close(promise: nil)
    }

    /// Maps what NIO and NIOSSL report to what the delivery pipeline decides on: a certificate
    /// problem is permanent, a broken connection or garbled HTTP retryable.
    static func classify(_ error: any Error) -> ConnectorHTTPError {
        switch error {
        case let error as ConnectorHTTPError:
            return error
        case NIOSSLError.uncleanShutdown:
            // A body delimited by the connection's end is only complete with close_notify;
            // without it an attacker could have cut it short.
            return .protocolViolation("the server closed the TLS connection without close_notify")
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
            return .tlsFailure("\(error)")
        case is HTTPParserError:
            return .protocolViolation("malformed response: \(error)")
        default:
            return .connectionFailed("\(error)")
        }
    }
}
