import Foundation

/// The reverse direction of a mapping: vendor JSON built from Concierge values.
///
/// The template is JSON whose strings may hold `{{name}}` placeholders:
///
/// ```json
/// {"Subject": "[{{ticket.number}}] {{ticket.subject}}", "Priority": "{{ticket.priority}}",
///  "AccountId": "{{ticket.organization_external_id}}"}
/// ```
///
/// A string that is exactly one placeholder takes the value with its type (a number stays a
/// number, null stays null); placeholders inside longer text are replaced by the value's text.
/// A placeholder naming no known value is an error naming the template location.
public struct JSONTemplate: Sendable, Equatable {
    /// The template's JSON text.
    public let text: String

    /// Creates a template; it is checked when rendered (and by ``validate(names:)``).
    public init(_ text: String) {
        self.text = text
    }

    /// Checks that the template is a JSON object using only `names`.
    public func validate(names: Set<String>) throws(FieldMappingError) {
        _ = try render(Dictionary(uniqueKeysWithValues: names.map { ($0, FieldValue.null) }))
    }

    /// The vendor JSON object for `values`.
    ///
    /// - Throws: ``FieldMappingError`` for a template that is not a JSON object or an unknown placeholder.
    public func render(_ values: [String: FieldValue]) throws(FieldMappingError) -> [String: Any] {
        guard let object = VendorJSON.object(Array(text.utf8)) else {
            throw FieldMappingError(entry: "$", problem: "the template is not a JSON object")
        }
        guard let rendered = try fill(object, values: values, location: "$") as? [String: Any] else {
            throw FieldMappingError(entry: "$", problem: "the template is not a JSON object")
        }
        return rendered
    }

    private func fill(_ node: Any, values: [String: FieldValue], location: String) throws(FieldMappingError) -> Any {
        switch node {
        case let object as [String: Any]:
            var result: [String: Any] = [:]
            for (key, member) in object {
                result[key] = try fill(member, values: values, location: "\(location).\(key)")
            }
            return result
        case let array as [Any]:
            var result: [Any] = []
            for (index, element) in array.enumerated() {
                result.append(try fill(element, values: values, location: "\(location)[\(index)]"))
            }
            return result
        case let string as String:
            return try substitute(string, values: values, location: location)
        default:
            return node
        }
    }

    private func substitute(_ string: String, values: [String: FieldValue], location: String)
        throws(FieldMappingError) -> Any
    {
        var output = ""
        var rest = Substring(string)
        while let open = rest.range(of: "{{") {
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let value = values[name] else {
                throw FieldMappingError(entry: location, problem: "unknown placeholder {{\(name)}}")
            }
            let isWholeString = open.lowerBound == string.startIndex && close.upperBound == string.endIndex
            if isWholeString { return value.jsonObject }
            output += rest[..<open.lowerBound] + value.description
            rest = rest[close.upperBound...]
        }
        return output + rest
    }
}
