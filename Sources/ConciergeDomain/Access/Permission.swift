/// One capability checked at route registration. Names are stable strings (`users:write`)
/// because API tokens and audit entries mention them.
public enum Permission: String, Sendable, Codable, CaseIterable {
    case tenantRead = "tenant:read"
    case tenantWrite = "tenant:write"
    case usersRead = "users:read"
    case usersWrite = "users:write"
    case groupsRead = "groups:read"
    case groupsWrite = "groups:write"
    case tokensManage = "tokens:manage"
    case auditRead = "audit:read"
    case ticketsRead = "tickets:read"
    case ticketsWrite = "tickets:write"
    case customersRead = "customers:read"
    case customersWrite = "customers:write"
    /// The supervisor dashboard and other reports.
    case reportsRead = "reports:read"
}

extension Role {
    /// The permissions this role holds. The single source of truth for access decisions.
    public var permissions: Set<Permission> {
        switch self {
        case .owner, .admin:
            Set(Permission.allCases)
        case .supervisor:
            [
                .tenantRead, .usersRead, .groupsRead, .auditRead, .ticketsRead, .ticketsWrite, .customersRead,
                .customersWrite, .reportsRead,
            ]
        case .agent:
            [.tenantRead, .usersRead, .groupsRead, .ticketsRead, .ticketsWrite, .customersRead, .customersWrite]
        case .lightAgent:
            [.tenantRead]
        }
    }

    /// Whether this role holds `permission`.
    public func allows(_ permission: Permission) -> Bool { permissions.contains(permission) }
}
