import ConciergeDomain

/// Who is calling, established from a credential: always within exactly one tenant.
public struct Identity: Sendable, Equatable {
    /// How the caller proved who they are.
    public enum Credential: Sendable, Equatable {
        case apiToken(APITokenID)
        /// A browser session; state-changing requests must echo `csrfToken`.
        case session(csrfToken: String)
    }

    public var tenantID: TenantID
    public var role: Role
    /// The signed-in user; `nil` for API tokens.
    public var userID: UserID?
    public var credential: Credential

    public init(tenantID: TenantID, role: Role, userID: UserID?, credential: Credential) {
        self.tenantID = tenantID
        self.role = role
        self.userID = userID
        self.credential = credential
    }

    /// The actor recorded on events caused by this caller.
    public var actor: Actor {
        if let userID { return .user(userID) }
        if case .apiToken(let id) = credential { return .apiToken(id) }
        return .system("unknown")
    }

    /// Throws `forbidden` unless the role holds `permission`.
    public func require(_ permission: Permission) throws {
        guard role.allows(permission) else {
            throw AppError.forbidden("the \(role.rawValue) role lacks \(permission.rawValue)")
        }
    }
}
