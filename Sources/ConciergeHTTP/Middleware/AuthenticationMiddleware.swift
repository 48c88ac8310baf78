import ConciergeCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Establishes the caller from `Authorization: Bearer <token>` or the session cookie.
///
/// A credential that is present but invalid answers 401 at once; no credential leaves the
/// identity empty, and ``TenantContext`` then refuses routes that need one. Cookie callers
/// must send the session's CSRF token on state-changing methods. Each credential is rate
/// limited per minute.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    /// Name of the session cookie.
    public static let cookieName = "concierge_session"

    let authentication: Authentication
    let limiter: any RateLimiter
    let requestsPerMinute: Int

    public init(authentication: Authentication, limiter: any RateLimiter, requestsPerMinute: Int) {
        self.authentication = authentication
        self.limiter = limiter
        self.requestsPerMinute = requestsPerMinute
    }

    public func handle(
        _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        let limitKey: String
        if let header = request.headers[.authorization] {
            guard header.lowercased().hasPrefix("bearer "),
                let identity = try await authentication.identify(
                    bearer: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
            else { throw AppError.unauthenticated }
            context.identity = identity
            limitKey = "api:\(identity.actor)"
        } else if let secret = request.cookies[Self.cookieName]?.value {
            guard let identity = try await authentication.identify(sessionSecret: secret) else {
                throw AppError.unauthenticated
            }
            if case .session(let csrf) = identity.credential, !Self.isSafe(request.method) {
                guard let sent = request.headers[.csrfToken], SecretToken.equalInConstantTime(sent, csrf) else {
                    throw AppError(
                        .forbidden, code: "csrf_token_invalid", message: "send the session's X-CSRF-Token header")
                }
            }
            context.identity = identity
            limitKey = "api:\(identity.actor)"
        } else {
            return try await next(request, context)
        }
        context.logger[metadataKey: "tenant_id"] = "\(context.identity!.tenantID)"
        let decision = try await limiter.enforce(
            limitKey, limit: requestsPerMinute, window: .seconds(60),
            message: "more than \(requestsPerMinute) requests per minute")
        var response = try await next(request, context)
        response.headers[.rateLimitLimit] = "\(requestsPerMinute)"
        response.headers[.rateLimitRemaining] = "\(max(requestsPerMinute - decision.count, 0))"
        return response
    }

    static func isSafe(_ method: HTTPRequest.Method) -> Bool {
        method == .get || method == .head || method == .options
    }
}

extension HTTPField.Name {
    static let rateLimitLimit = Self("X-RateLimit-Limit")!
    static let rateLimitRemaining = Self("X-RateLimit-Remaining")!
}
