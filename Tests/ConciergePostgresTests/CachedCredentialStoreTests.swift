import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import PostgresNIO
import Testing

@Suite struct CachedCredentialStoreTests {
    @Test func aTokenIsRememberedForItsLifetimeThenLookedUpAgain() async throws {
        try await withTestPlatform { platform in
            // given a cached store and a tenant's token, looked up once
            let cache = CachedCredentialStore(platform.credentials, lifetime: .seconds(5))
            let issued = try await platform.makeTenant().adminToken
            let digest = SecretToken.digest(issued.secret)
            let start = Date()
            #expect(try await cache.useToken(digest: digest, now: start)?.id == issued.token.id)
            // when the token is revoked behind the cache's back (another replica)
            try await platform.postgres.query(
                "UPDATE api_tokens SET revoked_at = now() WHERE id = \(issued.token.id.rawValue)",
                logger: platform.logger)
            // then the cache serves it until its lifetime ends, and refuses it after
            #expect(try await cache.useToken(digest: digest, now: start.addingTimeInterval(4))?.id == issued.token.id)
            #expect(try await cache.useToken(digest: digest, now: start.addingTimeInterval(6)) == nil)
        }
    }

    @Test func aRevocationThroughTheCacheIsRefusedAtOnce() async throws {
        try await withTestPlatform { platform in
            // given a token the cache remembers
            let cache = CachedCredentialStore(platform.credentials, lifetime: .seconds(60))
            let issued = try await platform.makeTenant().adminToken
            let digest = SecretToken.digest(issued.secret)
            #expect(try await cache.useToken(digest: digest, now: Date()) != nil)
            // when it is revoked through the cache
            let revoked = try await cache.revokeToken(issued.token.id, of: issued.token.tenantID, at: Date())
            // then the next request is refused
            #expect(revoked)
            #expect(try await cache.useToken(digest: digest, now: Date()) == nil)
        }
    }

    @Test func aCachedTokenIsNeverServedPastItsExpiry() async throws {
        try await withTestPlatform { platform in
            // given a token expiring in two seconds, cached for a minute
            let cache = CachedCredentialStore(platform.credentials, lifetime: .seconds(60))
            let issued = try await platform.makeTenant().adminToken
            let start = Date()
            try await platform.postgres.query(
                "UPDATE api_tokens SET expires_at = \(start.addingTimeInterval(2)) WHERE id = \(issued.token.id.rawValue)",
                logger: platform.logger)
            let digest = SecretToken.digest(issued.secret)
            #expect(try await cache.useToken(digest: digest, now: start) != nil)
            // then it is refused once it has expired, although the cache entry has not
            #expect(try await cache.useToken(digest: digest, now: start.addingTimeInterval(3)) == nil)
        }
    }

    @Test func unknownSecretsAreNotRemembered() async throws {
        try await withTestPlatform { platform in
            // given a secret no token has
            let cache = CachedCredentialStore(platform.credentials, lifetime: .seconds(60))
            let provisioned = try await platform.makeTenant()
            let secret = SecretToken.generate(prefix: "cnc_")
            #expect(try await cache.useToken(digest: SecretToken.digest(secret), now: Date()) == nil)
            // when a token with that digest appears
            let token = APIToken(
                id: APITokenID(), tenantID: provisioned.tenant.id, name: "later", role: .agent, prefix: "cnc_",
                createdBy: .system("test"), createdAt: Date())
            try await platform.credentials.insert(token, digest: SecretToken.digest(secret))
            // then it is found at once: a miss was not cached
            #expect(try await cache.useToken(digest: SecretToken.digest(secret), now: Date())?.id == token.id)
        }
    }
}
