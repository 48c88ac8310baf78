import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

/// A session's use is a read; its last use is written at most once a minute.
@Suite struct SessionUseTests {
    @Test func lastSeenMovesAtMostOnceAMinuteAndExpiredSessionsAreNotFound() async throws {
        try await withTestPlatform { platform in
            let provisioned = try await platform.makeTenant()
            let user = try await platform.users.create(
                .init(email: "li@example.cn", name: "李", role: .agent, password: "correct horse battery"),
                grantedBy: .owner, actor: .system("t"), tenant: provisioned.tenant.id)
            let start = Date(timeIntervalSince1970: 1_795_000_000)
            let digest = SecretToken.digest(SecretToken.generate(prefix: "cns_"))
            try await platform.credentials.insert(
                Session(
                    tenantID: provisioned.tenant.id, userID: user.id, csrfToken: "csrf", createdAt: start,
                    lastSeenAt: start, expiresAt: start.addingTimeInterval(3600)),
                digest: digest)
            let early = try await platform.credentials.useSession(digest: digest, now: start.addingTimeInterval(30))
            #expect(early?.lastSeenAt == start && early?.userID == user.id && early?.csrfToken == "csrf")
            let later = try await platform.credentials.useSession(digest: digest, now: start.addingTimeInterval(61))
            #expect(later?.lastSeenAt == start.addingTimeInterval(61))
            // the write stuck: a use soon after reads the new time
            let again = try await platform.credentials.useSession(digest: digest, now: start.addingTimeInterval(90))
            #expect(again?.lastSeenAt == start.addingTimeInterval(61))
            #expect(
                try await platform.credentials.useSession(digest: digest, now: start.addingTimeInterval(3600)) == nil)
        }
    }
}
