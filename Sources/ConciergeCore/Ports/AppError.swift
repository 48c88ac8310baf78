import ConciergeDomain

/// An error a use case reports to its caller, with a category that the HTTP layer maps to a
/// status in one place (`ErrorEnvelope` in ConciergeHTTP), a stable machine-readable code and a human message.
public struct AppError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Broad kinds of failure; each maps to exactly one HTTP status.
    public enum Category: String, Sendable {
        case invalidInput
        case unauthenticated
        case forbidden
        case notFound
        case conflict
        case rateLimited
        case unavailable
    }

    public var category: Category
    public var code: String
    public var message: String
    /// The offending field for `invalidInput`.
    public var field: String?
    /// Seconds to wait for `rateLimited`.
    public var retryAfterSeconds: Int?

    public init(
        _ category: Category, code: String, message: String, field: String? = nil, retryAfterSeconds: Int? = nil
    ) {
        self.category = category
        self.code = code
        self.message = message
        self.field = field
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String { "\(category.rawValue) \(code): \(message)" }

    /// A missing resource, or one of another tenant (never distinguished).
    public static func notFound(_ resource: String) -> AppError {
        AppError(.notFound, code: "not_found", message: "\(resource) not found")
    }

    /// An input that broke a domain rule.
    public static func invalid(_ error: ValidationError) -> AppError {
        AppError(.invalidInput, code: error.code, message: "\(error.field) \(error.message)", field: error.field)
    }

    public static let unauthenticated = AppError(
        .unauthenticated, code: "unauthenticated", message: "missing, invalid, expired or revoked credential")

    /// The caller's role lacks `permission`.
    public static func forbidden(_ what: String) -> AppError {
        AppError(.forbidden, code: "forbidden", message: what)
    }
}
