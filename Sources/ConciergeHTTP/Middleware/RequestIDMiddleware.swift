import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id — the caller's `X-Request-Id` when it is a short token, a new
/// one otherwise — puts it in the logger metadata and echoes it on the response (errors too).
public struct RequestIDMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let maxUploadSize: Int

    public init(maxUploadSize: Int) { self.maxUploadSize = maxUploadSize }

    public func handle(
        _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        let incoming = request.headers[.requestID] ?? ""
        let isSafe =
            (8...64).contains(incoming.count)
            && incoming.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            }
        context.requestID = isSafe ? incoming : UUID().uuidString.lowercased()
        context.logger[metadataKey: "request_id"] = "\(context.requestID)"
        context.maxUploadSize = maxUploadSize
        var response = try await next(request, context)
        response.headers[.requestID] = context.requestID
        return response
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`.
    public static let requestID = Self("X-Request-Id")!
    /// `X-CSRF-Token`, required with cookie credentials on state-changing requests.
    public static let csrfToken = Self("X-CSRF-Token")!
}
