import Foundation

/// A person who signs in to one tenant: an agent, a supervisor, an admin, a light agent.
public struct User: Sendable, Equatable, Codable {
    public var id: UserID
    public var tenantID: TenantID
    /// Lowercased; unique within the tenant.
    public var email: String
    public var name: String
    public var role: Role
    public var status: UserStatus
    /// Overrides the tenant locale for this user's interface, when set.
    public var locale: Tenant.Locale?
    /// Skill keys for routing (`printers`, `english`).
    public var skills: [String]
    /// Region keys the agent covers (`east`, `shanghai`).
    public var regions: [String]
    public var lastLoginAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UserID, tenantID: TenantID, email: String, name: String, role: Role, status: UserStatus,
        locale: Tenant.Locale?, skills: [String] = [], regions: [String] = [], lastLoginAt: Date?, createdAt: Date,
        updatedAt: Date
    ) {
        self.skills = skills
        self.regions = regions
        self.id = id
        self.tenantID = tenantID
        self.email = email
        self.name = name
        self.role = role
        self.status = status
        self.locale = locale
        self.lastLoginAt = lastLoginAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Whether a user can sign in.
public enum UserStatus: String, Sendable, Codable, CaseIterable {
    /// Created without a password yet (invited); cannot sign in until one is set.
    case invited
    case active
    /// Signed out everywhere and refused; history kept.
    case deactivated
}
