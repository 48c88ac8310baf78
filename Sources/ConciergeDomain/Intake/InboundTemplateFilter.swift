import Foundation

/// One `| filter` of an ``InboundTemplate`` placeholder, applied left to right.
enum InboundTemplateFilter: Sendable, Equatable {
    /// `default: "未知"`: the text when the value is missing, `null`, empty text or `[]`.
    case fallback(String)
    /// `upper`: the text in upper case.
    case upper
    /// `lower`: the text in lower case.
    case lower
    /// `trim`: the text without leading and trailing whitespace and newlines.
    case trim
    /// `truncate: 80`: at most that many characters, cut without an ellipsis.
    case truncate(Int)
    /// `join: " / "`: an array's elements as text with the separator (`, ` when omitted).
    case join(String)
    /// `json`: the value as compact JSON with sorted keys.
    case json

    /// The names accepted after `|`.
    static let names = ["default", "upper", "lower", "trim", "truncate", "join", "json"]
    /// The largest `truncate` length.
    static let maxTruncateLength = 65_536

    /// The filter called `name` with `argument` (`nil` when no `:` followed).
    /// - Throws: ``ValidationError`` with code `unknown_filter` or `invalid_filter_argument`
    ///   and an empty field.
    static func make(name: String, argument: String?) throws(ValidationError) -> Self {
        switch (name, argument) {
        case ("default", let text?): return .fallback(text)
        case ("upper", nil): return .upper
        case ("lower", nil): return .lower
        case ("trim", nil): return .trim
        case ("json", nil): return .json
        case ("join", let separator): return .join(separator ?? ", ")
        case ("truncate", let digits?):
            guard let length = Int(digits), (1...maxTruncateLength).contains(length) else {
                throw invalidArgument("truncate needs a length from 1 to \(maxTruncateLength)")
            }
            return .truncate(length)
        case ("default", nil), ("truncate", nil):
            throw invalidArgument("\(name) needs an argument after :")
        case (_, .some) where names.contains(name):
            throw invalidArgument("\(name) takes no argument")
        default:
            throw ValidationError(
                field: "", code: "unknown_filter",
                message: "unknown filter \(name); use one of \(names.joined(separator: ", "))")
        }
    }

    /// The filtered value; missing stays missing except through `default`.
    func apply(to value: JSONValue?) -> JSONValue? {
        switch self {
        case .fallback(let text):
            guard let value, !value.isBlank else { return .string(text) }
            return value
        case .join(let separator):
            guard case .array(let items)? = value else { return value }
            return .string(items.map(\.inboundText).joined(separator: separator))
        case .json:
            return value.map { .string($0.compactJSON) }
        case .upper, .lower, .trim, .truncate:
            return value.map { .string(transform($0.inboundText)) }
        }
    }

    private func transform(_ text: String) -> String {
        switch self {
        case .upper: text.uppercased()
        case .lower: text.lowercased()
        case .trim: text.trimmingCharacters(in: .whitespacesAndNewlines)
        case .truncate(let length): String(text.prefix(length))
        case .fallback, .join, .json: text
        }
    }

    private static func invalidArgument(_ message: String) -> ValidationError {
        ValidationError(field: "", code: "invalid_filter_argument", message: message)
    }
}
