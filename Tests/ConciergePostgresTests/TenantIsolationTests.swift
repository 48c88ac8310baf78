import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Logging
import PostgresNIO
import Testing

/// Row-level security, proven against the real server as the application role.
@Suite struct TenantIsolationTests {
    @Test func unfilteredQueryUnderTenantASeesNoneOfTenantBsRows() async throws {
        try await withTestPlatform { platform in
            // given two tenants with users and groups
            let a = try await platform.makeTenant()
            let b = try await platform.makeTenant()
            for (tenant, prefix) in [(a.tenant.id, "a"), (b.tenant.id, "b")] {
                _ = try await platform.users.create(
                    .init(email: "\(prefix)@example.com", name: prefix, role: .agent), grantedBy: .owner,
                    actor: .system("test"), tenant: tenant)
                _ = try await platform.groups.create(
                    .init(key: "\(prefix)-team", name: prefix), actor: .system("test"), tenant: tenant)
            }
            // when tenant A's transaction queries every tenant table without a tenant filter
            let tables = [
                "users", "groups", "group_members", "events", "outbox", "processed_jobs", "diagnostic_probes",
            ]
            let seen = try await platform.postgres.withTransaction(logger: platform.logger) { connection in
                try await connection.query(
                    "SELECT set_config('app.tenant_id', \(a.tenant.id.description), true)", logger: platform.logger)
                var tenantsSeen: Set<UUID> = []
                for table in tables {
                    let rows = try await connection.query(
                        PostgresQuery(unsafeSQL: "SELECT DISTINCT tenant_id FROM \(table)"), logger: platform.logger)
                    for try await id in rows.decode(UUID.self) { tenantsSeen.insert(id) }
                }
                return tenantsSeen
            }
            // then only A's rows come back
            #expect(seen == [a.tenant.id.rawValue])
        }
    }

    @Test func queryWithoutTenantContextReturnsNothing() async throws {
        try await withTestPlatform { platform in
            // given a tenant with a user
            let a = try await platform.makeTenant()
            _ = try await platform.users.create(
                .init(email: "x@example.com", name: "x", role: .agent), grantedBy: .owner, actor: .system("t"),
                tenant: a.tenant.id)
            // when no tenant is set
            let count = try await platform.postgres.withConnection { connection in
                var total: Int64 = 0
                for try await n in try await connection.query(
                    "SELECT count(*)::int8 FROM users", logger: platform.logger
                ).decode(Int64.self) { total = n }
                return total
            }
            // then nothing is visible
            #expect(count == 0)
        }
    }

    @Test func writingAnotherTenantsRowIsRefused() async throws {
        try await withTestPlatform { platform in
            let a = try await platform.makeTenant()
            let b = try await platform.makeTenant()
            // when tenant A's transaction tries to insert a row labelled with tenant B
            await #expect(throws: PostgresTransactionError.self) {
                try await platform.postgres.withTransaction(logger: platform.logger) { connection in
                    try await connection.query(
                        "SELECT set_config('app.tenant_id', \(a.tenant.id.description), true)", logger: platform.logger)
                    try await connection.query(
                        """
                        INSERT INTO groups (tenant_id, id, key, name, created_at, updated_at)
                        VALUES (\(b.tenant.id.rawValue), \(UUID()), 'sneaky', 'x', now(), now())
                        """, logger: platform.logger)
                }
            }
        }
    }

    @Test func applicationRoleCannotBypassRowSecurityOrRewriteHistory() async throws {
        try await withTestPlatform { platform in
            let a = try await platform.makeTenant()
            let (bypass, superuser) = try await platform.postgres.withConnection { connection in
                for try await row in try await connection.query(
                    "SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user", logger: platform.logger
                ).decode((Bool, Bool).self) { return row }
                return (true, true)
            }
            #expect(!bypass && !superuser)
            // the event log is append-only for the application role
            await #expect(throws: PostgresTransactionError.self) {
                try await platform.postgres.withTransaction(logger: platform.logger) { connection in
                    try await connection.query(
                        "SELECT set_config('app.tenant_id', \(a.tenant.id.description), true)", logger: platform.logger)
                    try await connection.query("DELETE FROM events", logger: platform.logger)
                }
            }
        }
    }

    @Test func repositoriesOfTenantAFindNothingOfTenantB() async throws {
        try await withTestPlatform { platform in
            // given B's user, group and token
            let a = try await platform.makeTenant()
            let b = try await platform.makeTenant()
            let user = try await platform.users.create(
                .init(email: "b@example.com", name: "b", role: .agent), grantedBy: .owner, actor: .system("t"),
                tenant: b.tenant.id)
            let group = try await platform.groups.create(
                .init(key: "b-team", name: "b"), actor: .system("t"), tenant: b.tenant.id)
            // then A's use cases see none of them and cannot touch them
            await #expect(throws: AppError.notFound("user")) {
                _ = try await platform.users.get(user.id, tenant: a.tenant.id)
            }
            await #expect(throws: AppError.notFound("group")) {
                _ = try await platform.groups.get(group.id, tenant: a.tenant.id)
            }
            await #expect(throws: AppError.notFound("group")) {
                try await platform.groups.delete(group.id, actor: .system("t"), tenant: a.tenant.id)
            }
            await #expect(throws: AppError.notFound("api token")) {
                try await platform.tokens.revoke(b.adminToken.token.id, actor: .system("t"), tenant: a.tenant.id)
            }
            let tokensOfA = try await platform.tokens.list(tenant: a.tenant.id)
            #expect(tokensOfA.map(\.tenantID) == [a.tenant.id])
            let usersOfA = try await platform.users.list(tenant: a.tenant.id, after: nil, limit: 100)
            #expect(usersOfA.isEmpty)
            let events = try await platform.audit.list(tenant: a.tenant.id, before: nil, limit: 100)
            #expect(events.allSatisfy { $0.event.tenantID == a.tenant.id } && !events.isEmpty)
            // and a group of A cannot take B's user as a member
            let groupOfA = try await platform.groups.create(
                .init(key: "a-team", name: "a"), actor: .system("t"), tenant: a.tenant.id)
            await #expect(throws: AppError.notFound("user")) {
                _ = try await platform.groups.update(
                    groupOfA.id, .init(memberIDs: [user.id]), actor: .system("t"), tenant: a.tenant.id)
            }
        }
    }
}
