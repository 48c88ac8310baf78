import Foundation

extension Validate {
    /// Checks the ids a record has in other systems (`{"crm": "C-1042"}`): keys are
    /// configuration keys naming the system, values are trimmed, 1–200 characters.
    /// - Throws: ``ValidationError`` naming `field.key`.
    public static func externalIDs(_ ids: [String: String], field: String) throws(ValidationError) -> [String: String] {
        guard ids.count <= 20 else {
            throw ValidationError(field: field, code: "too_many", message: "must hold at most 20 systems")
        }
        var result: [String: String] = [:]
        for key in ids.keys.sorted() {
            let name = try Validate.key(key, field: "\(field).\(key)")
            let value = (ids[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...200).contains(value.count),
                !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else {
                throw ValidationError(
                    field: "\(field).\(key)", code: "invalid_external_id", message: "must be 1-200 printable characters"
                )
            }
            result[name] = value
        }
        return result
    }

    /// Checks free-form attributes: at most 100 top-level keys of 1–64 characters.
    public static func attributes(_ values: [String: JSONValue], field: String = "attributes") throws(ValidationError)
        -> [String: JSONValue]
    {
        guard values.count <= 100 else {
            throw ValidationError(field: field, code: "too_many", message: "must hold at most 100 keys")
        }
        for key in values.keys.sorted() where !(1...64).contains(key.count) {
            throw ValidationError(
                field: key.isEmpty ? field : "\(field).\(key)", code: "invalid_key",
                message: "keys must be 1-64 characters")
        }
        return values
    }
}
