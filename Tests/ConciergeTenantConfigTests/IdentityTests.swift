import ConciergeCore
import ConciergeDomain
import Testing

@Suite("Identity")
struct IdentityTests {
    static func identity(_ role: Role) -> Identity {
        Identity(tenantID: TenantID(), role: role, userID: UserID(), credential: .session(csrfToken: "csrf"))
    }

    @Test(arguments: Role.allCases, Permission.allCases)
    func requirePassesExactlyWhenTheRoleAllows(_ role: Role, _ permission: Permission) {
        // given
        let identity = Self.identity(role)
        // when
        var thrown: (any Error)?
        do { try identity.require(permission) } catch { thrown = error }
        // then
        if role.allows(permission) {
            #expect(thrown == nil)
        } else {
            let appError = thrown as? AppError
            #expect(appError?.category == .forbidden)
            #expect(appError?.code == "forbidden")
            #expect(appError?.message == "the \(role.rawValue) role lacks \(permission.rawValue)")
        }
    }

    @Test(arguments: [
        (Role.agent, Permission.usersWrite),
        (.supervisor, .tenantWrite),
        (.lightAgent, .usersRead),
        (.agent, .auditRead),
        (.supervisor, .tokensManage),
    ])
    func requireThrowsForbiddenForMissingPermission(_ role: Role, _ permission: Permission) {
        let error = #expect(throws: AppError.self) { try Self.identity(role).require(permission) }
        #expect(error?.category == .forbidden)
    }

    @Test(arguments: Permission.allCases)
    func ownerPassesEveryRequirement(_ permission: Permission) throws {
        try Self.identity(.owner).require(permission)
    }

    @Test func userIdentityActsAsTheUser() {
        let userID = UserID()
        let identity = Identity(
            tenantID: TenantID(), role: .agent, userID: userID, credential: .session(csrfToken: "t"))
        #expect(identity.actor == .user(userID))
    }

    @Test func tokenIdentityActsAsTheToken() {
        let tokenID = APITokenID()
        let identity = Identity(tenantID: TenantID(), role: .admin, userID: nil, credential: .apiToken(tokenID))
        #expect(identity.actor == .apiToken(tokenID))
    }

    @Test func sessionWithoutUserActsAsUnknownSystem() {
        let identity = Identity(tenantID: TenantID(), role: .agent, userID: nil, credential: .session(csrfToken: "t"))
        #expect(identity.actor == .system("unknown"))
    }
}
