import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import PostgresNIO
import Synchronization
import Testing

@Suite struct CachedTenantDirectoryTests {
    @Test func lookupsAreRememberedForTheirLifetimeAndWritesForgetThem() async throws {
        try await withTestPlatform { platform in
            // given a cached directory with a controllable clock
            let clock = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
            let cache = CachedTenantDirectory(platform.tenants, lifetime: .seconds(5), now: { clock.withLock { $0 } })
            let tenant = try await platform.makeTenant().tenant
            #expect(try await cache.find(id: tenant.id)?.status == .active)
            // when the row changes behind the cache's back
            try await platform.postgres.query(
                "UPDATE tenants SET status = 'suspended' WHERE id = \(tenant.id.rawValue)", logger: platform.logger)
            // then the cached value is served until it expires
            #expect(try await cache.find(id: tenant.id)?.status == .active)
            clock.withLock { $0 = $0.addingTimeInterval(6) }
            #expect(try await cache.find(id: tenant.id)?.status == .suspended)
            // and a write through the cache is seen at once
            var active = try #require(try await platform.tenants.find(id: tenant.id))
            active.status = .active
            try await cache.update(active)
            #expect(try await cache.find(id: tenant.id)?.status == .active)
        }
    }
}
