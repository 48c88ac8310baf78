import Foundation

extension Customer {
    /// A customer is reachable at no more than this many addresses or numbers of each kind.
    public static let maxIdentities = 20

    /// This customer with every field normalised and checked: emails lowercased, phones reduced
    /// to digits, each listed once in the order given; tags normalised like ticket tags.
    /// - Throws: ``ValidationError`` naming the field (`name`, `emails[1]`, `phones[0]`, `tier`,
    ///   `tags[2]`, `external_ids.crm`, `attributes.key`).
    public func validated() throws(ValidationError) -> Customer {
        var result = self
        result.name = try Validate.displayName(name, field: "name")
        result.emails = try Self.distinct(emails, field: "emails") { text, field throws(ValidationError) in
            try Validate.email(text, field: field)
        }
        result.phones = try Self.distinct(phones, field: "phones") { text, field throws(ValidationError) in
            try Customer.normalizedPhone(text, field: field)
        }
        result.tier = try Validate.key(tier, field: "tier")
        result.tags = try TicketTags.normalize(tags)
        result.externalIDs = try Validate.externalIDs(externalIDs, field: "external_ids")
        result.attributes = try Validate.attributes(attributes)
        return result
    }

    /// Each value normalised by `normalize`, duplicates (after normalising) dropped.
    static func distinct(
        _ values: [String], field: String, _ normalize: (String, String) throws(ValidationError) -> String
    ) throws(ValidationError) -> [String] {
        guard values.count <= maxIdentities else {
            throw ValidationError(field: field, code: "too_many", message: "must list at most \(maxIdentities) values")
        }
        var result: [String] = []
        for (index, raw) in values.enumerated() {
            let value = try normalize(raw, "\(field)[\(index)]")
            if !result.contains(value) { result.append(value) }
        }
        return result
    }
}
