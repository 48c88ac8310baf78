import ConciergeDomain
import Testing

@Suite("Permission matrix")
struct PermissionMatrixTests {
    /// The documented matrix, written out by hand so that a change to `Role.permissions` fails here.
    static let expected: [Role: Set<Permission>] = [
        .owner: [
            .tenantRead, .tenantWrite, .usersRead, .usersWrite, .groupsRead, .groupsWrite, .tokensManage, .auditRead,
            .ticketsRead, .ticketsWrite, .customersRead, .customersWrite, .reportsRead,
        ],
        .admin: [
            .tenantRead, .tenantWrite, .usersRead, .usersWrite, .groupsRead, .groupsWrite, .tokensManage, .auditRead,
            .ticketsRead, .ticketsWrite, .customersRead, .customersWrite, .reportsRead,
        ],
        .supervisor: [
            .tenantRead, .usersRead, .groupsRead, .auditRead, .ticketsRead, .ticketsWrite, .customersRead,
            .customersWrite, .reportsRead,
        ],
        .agent: [.tenantRead, .usersRead, .groupsRead, .ticketsRead, .ticketsWrite, .customersRead, .customersWrite],
        .lightAgent: [.tenantRead],
    ]

    @Test func matrixCoversEveryRole() {
        #expect(Set(Self.expected.keys) == Set(Role.allCases))
    }

    @Test(arguments: Role.allCases)
    func roleHoldsExactlyTheDocumentedPermissions(_ role: Role) {
        #expect(role.permissions == Self.expected[role])
    }

    @Test(arguments: Role.allCases, Permission.allCases)
    func roleAllowsPermissionExactlyWhenTheMatrixSaysSo(_ role: Role, _ permission: Permission) {
        let expected = Self.expected[role]?.contains(permission) ?? false
        #expect(role.allows(permission) == expected)
    }

    @Test func ownerAndAdminHoldEveryPermission() {
        #expect(Role.owner.permissions == Set(Permission.allCases))
        #expect(Role.admin.permissions == Set(Permission.allCases))
    }

    @Test func lowerRolesNeverHoldMoreThanHigherOnes() {
        let ordered = Role.allCases.sorted()
        for (higher, lower) in zip(ordered, ordered.dropFirst()) {
            #expect(lower.permissions.isSubset(of: higher.permissions), "\(lower) ⊄ \(higher)")
        }
    }

    @Test(
        arguments: [
            (Permission.tenantRead, "tenant:read"),
            (.tenantWrite, "tenant:write"),
            (.usersRead, "users:read"),
            (.usersWrite, "users:write"),
            (.groupsRead, "groups:read"),
            (.groupsWrite, "groups:write"),
            (.tokensManage, "tokens:manage"),
            (.auditRead, "audit:read"),
            (.ticketsRead, "tickets:read"),
            (.ticketsWrite, "tickets:write"),
            (.customersRead, "customers:read"),
            (.customersWrite, "customers:write"),
            (.reportsRead, "reports:read"),
        ])
    func permissionNamesAreStable(_ permission: Permission, _ name: String) {
        #expect(permission.rawValue == name)
        #expect(Permission(rawValue: name) == permission)
    }

    @Test func thereAreExactlyThirteenPermissions() {
        #expect(Permission.allCases.count == 13)
    }
}
