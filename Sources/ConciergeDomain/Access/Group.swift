import Foundation

/// A team or skill group (技能组) that tickets are routed to.
public struct Group: Sendable, Equatable, Codable {
    public var id: GroupID
    public var tenantID: TenantID
    /// Stable key used by configuration-as-code (`after-sales`), unique within the tenant.
    public var key: String
    public var name: String
    public var description: String
    public var memberIDs: [UserID]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: GroupID, tenantID: TenantID, key: String, name: String, description: String, memberIDs: [UserID],
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.key = key
        self.name = name
        self.description = description
        self.memberIDs = memberIDs
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

extension Validate {
    /// A list of keys (skills, regions): each checked, duplicates dropped, sorted.
    public static func keys(_ values: [String], field: String) throws(ValidationError) -> [String] {
        var result: Set<String> = []
        for (index, value) in values.enumerated() {
            result.insert(try key(value.trimmingCharacters(in: .whitespaces).lowercased(), field: "\(field)[\(index)]"))
        }
        return result.sorted()
    }

    /// A configuration key: lowercase letters, digits, `-` and `_`, 1–64 characters.
    public static func key(_ text: String, field: String) throws(ValidationError) -> String {
        let ok =
            (1...64).contains(text.count)
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
        guard ok else {
            throw ValidationError(
                field: field, code: "invalid_key", message: "must be 1-64 lowercase letters, digits, '-' or '_'")
        }
        return text
    }
}
