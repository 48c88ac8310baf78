import ConciergeCore
import Foundation
import Hummingbird
import Logging

/// The request context of every route: the request id, the upload limit, and — once the
/// authentication middleware has run — the caller's ``Identity``.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthenticationMiddleware`` from a valid credential.
    public var identity: Identity?
    /// Set by ``RequestIDMiddleware``; echoed as `X-Request-Id` and logged as `request_id`.
    public var requestID: String = ""
    /// Largest accepted body; exceeding it answers 413.
    public var maxUploadSize: Int = 1 << 20
    /// The peer's IP address, for per-address login limits.
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    public var requestDecoder: APIJSONDecoder { APIJSONDecoder() }
    public var responseEncoder: APIJSONEncoder { APIJSONEncoder() }
}

/// The context of routes that need a caller: it cannot exist without an ``Identity``, so a
/// handler under it never sees an anonymous request.
public struct TenantContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let identity: Identity
    public let requestID: String
    public let maxUploadSize: Int

    public init(context: AppRequestContext) throws {
        guard let identity = context.identity else { throw AppError.unauthenticated }
        self.coreContext = context.coreContext
        self.identity = identity
        self.requestID = context.requestID
        self.maxUploadSize = context.maxUploadSize
    }

    public var requestDecoder: APIJSONDecoder { APIJSONDecoder() }
    public var responseEncoder: APIJSONEncoder { APIJSONEncoder() }
}
