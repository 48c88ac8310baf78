import ConciergeCore
import ConciergeDomain
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into the one JSON envelope `{"error":{"code","message"}}` with the
/// status of its category. The single place where failures meet HTTP.
public struct ErrorEnvelopeMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let envelope = ErrorEnvelope(error)
            if envelope.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            } else {
                context.logger.info(
                    "request refused", metadata: ["status": "\(envelope.status.code)", "code": "\(envelope.code)"])
            }
            return envelope.response()
        }
    }
}

/// An error's HTTP form.
struct ErrorEnvelope {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var field: String?
    var retryAfter: Int?

    init(_ error: any Error) {
        switch error {
        case let error as AppError:
            status = Self.status(of: error.category)
            (code, message, field, retryAfter) = (error.code, error.message, error.field, error.retryAfterSeconds)
        case let error as ValidationError:
            (status, code, message, field) = (.badRequest, error.code, "\(error.field) \(error.message)", error.field)
        case let error as DecodingError:
            (status, code, message, field) = Self.describe(error)
        case RequestBodyError.empty:
            (status, code, message) = (.badRequest, "malformed_json", "the request needs a JSON body")
        case let error as HTTPError where error.status == .contentTooLarge:
            (status, code, message) = (.contentTooLarge, "payload_too_large", "the request body exceeds the size limit")
        case let error as HTTPError:
            status = error.status
            code = Self.code(of: error.status)
            message = error.body ?? error.status.reasonPhrase
        case let error as any HTTPResponseError:
            status = error.status
            code = Self.code(of: error.status)
            message = error.status.reasonPhrase
        default:
            (status, code, message) = (
                .internalServerError, "internal_error", "an unexpected error occurred; quote the request id"
            )
        }
    }

    static func status(of category: AppError.Category) -> HTTPResponse.Status {
        switch category {
        case .invalidInput: .badRequest
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .rateLimited: .tooManyRequests
        case .unavailable: .serviceUnavailable
        }
    }

    static func code(of status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .unauthorized: "unauthenticated"
        case .forbidden: "forbidden"
        case .badRequest: "bad_request"
        case .contentTooLarge: "payload_too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        default: "http_\(status.code)"
        }
    }

    static func describe(_ error: DecodingError) -> (HTTPResponse.Status, String, String, String?) {
        func path(_ context: DecodingError.Context, appending key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            return keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context, appending: key)
            return (.badRequest, "missing_field", "\(field) is required", field)
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context)
            return (.badRequest, "invalid_field", "\(field) has the wrong type", field)
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return (.badRequest, "malformed_json", "the body is not valid JSON", nil)
        case .dataCorrupted(let context):
            let field = path(context)
            return (.badRequest, "invalid_field", "\(field) is invalid", field)
        @unknown default:
            return (.badRequest, "malformed_json", "the body could not be read", nil)
        }
    }

    func response() -> Response {
        struct Body: Encodable {
            struct Detail: Encodable {
                var code: String
                var message: String
                var field: String?
            }
            var error: Detail
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Body(error: .init(code: code, message: message, field: field)))) ?? Data()
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfter { headers[.retryAfter] = "\(retryAfter)" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: .init(bytes: data)))
    }
}
