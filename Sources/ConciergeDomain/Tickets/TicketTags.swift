import Foundation

/// Tag rules: trimmed, lowercased (ASCII), internal spaces become `_`, 1–50 characters,
/// Chinese allowed; a ticket keeps each tag once, in sorted order.
public enum TicketTags {
    /// Normalises and validates `tags`.
    /// - Throws: ``ValidationError`` naming `tags[i]`.
    public static func normalize(_ tags: [String], field: String = "tags") throws(ValidationError) -> [String] {
        var result: Set<String> = []
        for (index, raw) in tags.enumerated() {
            let tag = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: "_")
            guard (1...50).contains(tag.count),
                !tag.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "," })
            else {
                throw ValidationError(
                    field: "\(field)[\(index)]", code: "invalid_tag", message: "must be 1-50 characters without commas")
            }
            result.insert(tag)
        }
        guard result.count <= 100 else {
            throw ValidationError(field: field, code: "too_many_tags", message: "a ticket holds at most 100 tags")
        }
        return result.sorted()
    }
}
