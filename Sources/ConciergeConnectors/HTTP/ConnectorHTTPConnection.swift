import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One TCP (and maybe TLS) connection to an address the policy has checked, for one request.
struct ConnectorHTTPConnection: Sendable {
    let channel: any Channel
    /// The handler in `channel`'s pipeline, usable on its event loop only.
    private let handler: NIOLoopBound<ConnectorHTTPExchangeHandler>

    /// Connects to `address` (an IP address, never a name: the name was resolved and checked
    /// already), with TLS when `tls` is given, its SNI and verified name being `serverName`.
    static func connect(
        to address: SocketAddress, tls: NIOSSLContext?, serverName: String?, bodyLimit: Int,
        deadline: ContinuousClock.Instant, eventLoopGroup: any EventLoopGroup
    ) async throws(ConnectorHTTPError) -> ConnectorHTTPConnection {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { throw .timedOut }
        let bootstrap = ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(TimeAmount(remaining))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
        do {
            // The handler comes out of the initializer itself: a TLS handshake can fail and close
            // the channel before we could look the handler up, and its failure is the answer.
            let (channel, handler) = try await bootstrap.connect(to: address) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    let handler = ConnectorHTTPExchangeHandler(bodyLimit: bodyLimit)
                    try channel.pipeline.syncOperations.addHandler(handler)
                    return (channel, NIOLoopBound(handler, eventLoop: channel.eventLoop))
                }
            }
            return ConnectorHTTPConnection(channel: channel, handler: handler)
        } catch ChannelError.connectTimeout {
            throw .timedOut
        } catch {
            throw .connectionFailed("cannot connect to \(address.ipAddress ?? "?") port \(address.port ?? 0): \(error)")
        }
    }

    /// Sends the request and waits for the complete response; the connection is closed after.
    ///
    /// Cancelling the task (the overall timeout, or shutdown) closes the connection, which fails
    /// the wait at once.
    func exchange(head: HTTPRequestHead, body: [UInt8]) async throws(ConnectorHTTPError) -> ConnectorHTTPResponse {
        let channel = channel
        let handler = handler
        let response = channel.eventLoop.makePromise(of: ConnectorHTTPResponse.self)
        let written = channel.eventLoop.makePromise(of: Void.self)
        // A write that never reaches the handler (the channel closed, a TLS handshake failed)
        // must still complete the response, with the cause rather than "I/O on closed channel".
        written.futureResult.whenFailure { error in
            response.fail(handler.value.failure ?? ConnectorHTTPExchangeHandler.classify(error))
        }
        let buffer = body.isEmpty ? nil : channel.allocator.buffer(bytes: body)
        channel.writeAndFlush(
            ConnectorHTTPExchange(head: head, body: buffer, responsePromise: response), promise: written)
        defer { channel.close(promise: nil) }
        do {
            return try await withTaskCancellationHandler {
                try await response.futureResult.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            throw ConnectorHTTPExchangeHandler.classify(error)
        }
    }
}
