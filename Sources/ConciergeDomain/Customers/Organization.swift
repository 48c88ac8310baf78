import Foundation

/// A customer organization (客户企业): the company end customers belong to. Its email domains
/// associate new customers with it automatically; its tier sets the service level of the
/// whole account.
public struct Organization: Sendable, Equatable {
    public var id: OrganizationID
    public var tenantID: TenantID
    public var name: String
    /// Lowercased hostnames (`example.cn`); each belongs to at most one organization of the tenant.
    public var domains: [String]
    /// Service tier such as `standard` or `vip` (a key).
    public var tier: String
    /// Ids in other systems (`{"erp": "K-20931"}`).
    public var externalIDs: [String: String]
    public var notes: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: OrganizationID, tenantID: TenantID, name: String, domains: [String] = [], tier: String = "standard",
        externalIDs: [String: String] = [:], notes: String = "", createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.domains = domains
        self.tier = tier
        self.externalIDs = externalIDs
        self.notes = notes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Notes are free text for agents, bounded so that one record cannot bloat every page.
    public static let maxNotesLength = 10_000
    /// An organization rarely has more than a handful of mail domains.
    public static let maxDomains = 50

    /// This organization with every field normalised and checked.
    /// - Throws: ``ValidationError`` naming the field (`name`, `domains[2]`, `tier`,
    ///   `external_ids.erp`, `notes`).
    public func validated() throws(ValidationError) -> Organization {
        var result = self
        result.name = try Validate.displayName(name, field: "name")
        guard domains.count <= Self.maxDomains else {
            throw ValidationError(
                field: "domains", code: "too_many", message: "must list at most \(Self.maxDomains) domains")
        }
        var seen: Set<String> = []
        result.domains = []
        for (index, raw) in domains.enumerated() {
            let domain = try Validate.hostname(raw, field: "domains[\(index)]")
            if seen.insert(domain).inserted { result.domains.append(domain) }
        }
        result.tier = try Validate.key(tier, field: "tier")
        result.externalIDs = try Validate.externalIDs(externalIDs, field: "external_ids")
        guard notes.count <= Self.maxNotesLength else {
            throw ValidationError(
                field: "notes", code: "too_long", message: "must be at most \(Self.maxNotesLength) characters")
        }
        return result
    }
}
