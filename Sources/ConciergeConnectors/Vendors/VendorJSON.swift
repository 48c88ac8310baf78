import Foundation

/// JSON in and out of vendor requests, through `JSONSerialization` and without ever trapping.
///
/// Vendors answer with whatever their gateway, a proxy or a captive portal produces, so reading is
/// defensive: anything that is not a JSON object yields `nil`. Writing sorts keys and leaves `/`
/// unescaped so bodies are byte-for-byte predictable in tests and readable in a packet capture.
enum VendorJSON {
    /// The top-level object of `bytes`, or `nil` for empty input, invalid JSON or a non-object.
    static func object(_ bytes: [UInt8]) -> [String: Any]? {
        guard !bytes.isEmpty else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(bytes), options: [])) as? [String: Any]
    }

    /// The serialized form of `object`, whose values are strings, numbers, booleans, arrays and
    /// nested objects only (the callers build it from literals, so this cannot fail in practice).
    static func encode(_ object: [String: Any]) -> [UInt8] {
        guard JSONSerialization.isValidJSONObject(object),
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return Array("{}".utf8) }
        return Array(data)
    }

    /// `value` as an integer when JSON carried it as a number or as a string of digits
    /// (some gateways quote their codes).
    static func integer(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        if let text = value as? String { return Int(text.trimmingCharacters(in: .whitespaces)) }
        return nil
    }

    /// `value` as text for comparisons and log lines: strings as they are, numbers and booleans in
    /// their JSON spelling, `nil` for objects, arrays and null.
    static func scalarText(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let number as NSNumber:
            // JSONSerialization yields NSNumber for both numbers and booleans; JSON's own spelling
            // keeps `true` from reading as `1`.
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        default: return nil
        }
    }
}
