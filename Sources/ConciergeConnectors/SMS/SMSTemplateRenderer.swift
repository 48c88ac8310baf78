import Foundation

/// Substitutes `{{placeholder}}`s in one part of an SMS gateway template, escaping each value for
/// the place it lands in.
///
/// The template text outside placeholders is copied unchanged — it is the operator's, and may
/// already contain encoded literals — while every value is escaped, so no phone number or message
/// (quotes, newlines, `&`, `#`, Chinese) can change the structure of the URL or body it goes into.
enum SMSTemplateRenderer {
    /// How values are escaped.
    enum Context {
        /// Percent-encoded (RFC 3986 unreserved characters kept).
        case url
        /// Inserted as is; the caller refuses control characters afterwards.
        case header
        /// JSON-escaped inside string literals, a complete JSON string elsewhere.
        case json
        /// Form-encoded (`+` for space).
        case form
    }

    /// Renders `template`, taking values from `message`.
    static func render(
        _ template: String, context: Context, part: SMSTemplateError.Part, message: SMSMessage
    ) throws(SMSTemplateError) -> String {
        var output = ""
        var rest = Substring(template)
        // JSON lexical state of the copied template text, to know whether a placeholder sits inside
        // a string literal. Values never change it: they are inserted fully escaped.
        var inString = false
        var escaped = false
        while let open = rest.range(of: "{{") {
            let literal = rest[..<open.lowerBound]
            output += literal
            if context == .json { track(literal, inString: &inString, escaped: &escaped) }
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else { throw .unterminatedPlaceholder(in: part) }
            let name = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let placeholder = SMSPlaceholder(rawValue: name) else {
                throw .unknownPlaceholder(name: name, in: part)
            }
            guard let value = message.value(of: placeholder), !value.isEmpty else { throw .missingValue(placeholder) }
            output += escape(value, context: context, inJSONString: inString)
            rest = afterOpen[close.upperBound...]
        }
        output += rest
        return output
    }

    private static func escape(_ value: String, context: Context, inJSONString: Bool) -> String {
        switch context {
        case .url: return PercentEncoding.urlComponent(value)
        case .header: return value
        case .form: return PercentEncoding.formComponent(value)
        case .json: return inJSONString ? jsonEscaped(value) : "\"\(jsonEscaped(value))\""
        }
    }

    /// Follows string literals through template text: a `"` not preceded by a backslash inside a
    /// string opens or closes one.
    private static func track(_ text: Substring, inString: inout Bool, escaped: inout Bool) {
        for byte in text.utf8 {
            if escaped {
                escaped = false
            } else if inString && byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString.toggle()
            }
        }
    }

    /// The contents of a JSON string literal holding `value` (RFC 8259 §7), with U+2028/U+2029
    /// escaped too because JavaScript-based gateways choke on them.
    static func jsonEscaped(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
