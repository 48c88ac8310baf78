import Foundation

/// One mapped value: what a ``FieldMapping`` yields from vendor JSON and what a ``JSONTemplate``
/// places into vendor JSON.
public enum FieldValue: Sendable, Equatable, CustomStringConvertible {
    /// Text.
    case string(String)
    /// A number; JSON has one number type.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// A point in time (from the `date` transform).
    case date(Date)
    /// JSON `null`, or a value that is deliberately empty.
    case null

    /// The value as text: numbers without a needless `.0`, dates in ISO 8601 UTC, null as "".
    public var description: String {
        switch self {
        case .string(let text): return text
        case .number(let number): return Self.text(of: number)
        case .bool(let flag): return flag ? "true" : "false"
        case .date(let date): return Self.iso8601(date)
        case .null: return ""
        }
    }

    /// The value as a JSON-compatible object for `JSONSerialization`.
    var jsonObject: Any {
        switch self {
        case .string(let text): return text
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { return Int(number) }
            return number
        case .bool(let flag): return flag
        case .date(let date): return Self.iso8601(date)
        case .null: return NSNull()
        }
    }

    /// A scalar read from `JSONSerialization` output; `nil` for arrays and objects.
    init?(json: Any) {
        switch json {
        case is NSNull: self = .null
        case let text as String: self = .string(text)
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        default: return nil
        }
    }

    /// `yyyy-MM-dd'T'HH:mm:ss'Z'`, the form every vendor's filter syntax accepts.
    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private static func text(of number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
