import ConciergeDomain
import Foundation
import Testing

@Suite("Role")
struct RoleTests {
    @Test func rolesAreOrderedFromMostToLeastPowerful() {
        // given
        let shuffled: [Role] = [.agent, .owner, .lightAgent, .supervisor, .admin]
        // when
        let sorted = shuffled.sorted()
        // then
        #expect(sorted == [.owner, .admin, .supervisor, .agent, .lightAgent])
        #expect(Role.allCases == sorted)
    }

    @Test(arguments: Role.allCases, Role.allCases)
    func roleComparisonFollowsDeclarationOrder(_ lhs: Role, _ rhs: Role) {
        let lhsIndex = Role.allCases.firstIndex(of: lhs)!
        let rhsIndex = Role.allCases.firstIndex(of: rhs)!
        #expect((lhs < rhs) == (lhsIndex < rhsIndex))
        #expect((lhs == rhs) == (lhsIndex == rhsIndex))
    }

    /// Owners grant anything; admins anything but owner; nobody else grants at all.
    static func expectedMayGrant(_ grantor: Role, _ role: Role) -> Bool {
        switch grantor {
        case .owner: true
        case .admin: role != .owner
        case .supervisor, .agent, .lightAgent: false
        }
    }

    @Test(arguments: Role.allCases, Role.allCases)
    func mayGrantFollowsTheRankRule(_ grantor: Role, _ role: Role) {
        #expect(grantor.mayGrant(role) == Self.expectedMayGrant(grantor, role))
    }

    @Test(arguments: Role.allCases, Role.allCases)
    func nobodyGrantsAboveTheirOwnRank(_ grantor: Role, _ role: Role) {
        if role < grantor {
            #expect(!grantor.mayGrant(role))
        }
    }

    @Test func onlyOwnersGrantOwner() {
        #expect(Role.allCases.filter { $0.mayGrant(.owner) } == [.owner])
    }

    @Test(arguments: [
        (Role.owner, true), (.admin, true), (.supervisor, true), (.agent, true), (.lightAgent, false),
    ])
    func onlyLightAgentsGoWithoutASeat(_ role: Role, _ usesSeat: Bool) {
        #expect(role.usesSeat == usesSeat)
    }

    @Test(arguments: [
        (Role.owner, "owner"), (.admin, "admin"), (.supervisor, "supervisor"), (.agent, "agent"),
        (.lightAgent, "light_agent"),
    ])
    func roleNamesAreStable(_ role: Role, _ name: String) throws {
        #expect(role.rawValue == name)
        #expect(Role(rawValue: name) == role)
        #expect(String(decoding: try JSONEncoder().encode(role), as: UTF8.self) == "\"\(name)\"")
    }

    @Test(arguments: ["Owner", "lightAgent", "light-agent", "superuser", ""])
    func roleRejectsUnknownNames(_ name: String) {
        #expect(Role(rawValue: name) == nil)
    }
}
