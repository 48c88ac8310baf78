/// How inbound payload values read as text in subjects, tags and lookups.
extension JSONValue {
    /// Strings as they are, whole numbers without `.0`, `true`/`false`, `null` as empty text,
    /// arrays as their elements' text joined by `, ` and objects as compact JSON.
    var inboundText: String {
        switch self {
        case .null: ""
        case .string(let text): text
        case .number(let number): Self.numberText(number)
        case .bool(let flag): flag ? "true" : "false"
        case .array(let items): items.map(\.inboundText).joined(separator: ", ")
        case .object: compactJSON
        }
    }

    /// Compact JSON with keys in sorted order, so that equal values always read the same.
    var compactJSON: String {
        switch self {
        case .null: "null"
        case .bool, .number: inboundText
        case .string(let text): Self.quoted(text)
        case .array(let items): "[" + items.map(\.compactJSON).joined(separator: ",") + "]"
        case .object(let members):
            "{"
                + members.keys.sorted().map { Self.quoted($0) + ":" + (members[$0] ?? .null).compactJSON }
                .joined(separator: ",") + "}"
        }
    }

    /// Whether this value counts as absent for the `default` filter: `null`, empty text or an
    /// empty array.
    var isBlank: Bool {
        switch self {
        case .null: true
        case .string(let text): text.isEmpty
        case .array(let items): items.isEmpty
        case .bool, .number, .object: false
        }
    }

    /// Whether this is a string, number or boolean.
    var isScalar: Bool {
        switch self {
        case .string, .number, .bool: true
        case .null, .array, .object: false
        }
    }

    private static func numberText(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    private static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
