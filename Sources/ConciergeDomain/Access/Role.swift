/// What a user (or an API token) may do within its tenant.
///
/// Ordered from most to least powerful; the permission matrix lives in
/// ``Role/permissions``.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Owns the subscription; everything an admin can do, plus managing other admins.
    case owner
    /// Configures the tenant: users, groups, tokens, settings.
    case admin
    /// Watches queues and people; reads audit history.
    case supervisor
    /// Works tickets.
    case agent
    /// Back-office collaborator: sees and updates the work assigned to them; no seat.
    case lightAgent = "light_agent"

    private var rank: Int {
        switch self {
        case .owner: 0
        case .admin: 1
        case .supervisor: 2
        case .agent: 3
        case .lightAgent: 4
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// Whether this role occupies a paid seat.
    public var usesSeat: Bool { self != .lightAgent }

    /// Whether this role may grant `other` to a user or token: nobody grants above their own
    /// rank, and only owners create owners.
    public func mayGrant(_ other: Role) -> Bool {
        switch self {
        case .owner: true
        case .admin: other != .owner
        default: false
        }
    }
}
