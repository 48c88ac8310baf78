import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Logging
import Testing

/// Key rotation: a new key first in the ring, `rotate-secrets` re-seals (what the CLI runs),
/// and the old key can then be dropped without losing a secret.
@Suite struct SecretRotationTests {
    static func ring(_ keys: [(String, UInt8)]) -> String {
        keys.map { "\($0.0):\(Data(repeating: $0.1, count: 32).base64EncodedString())" }.joined(separator: ",")
    }

    /// Runs `body` with a second platform on the same database and another key ring.
    static func withRing<T: Sendable>(
        _ ring: String, like platform: Platform, _ body: @Sendable (Platform) async throws -> T
    ) async throws -> T {
        var configuration = platform.configuration
        configuration.secretKeys = ring
        let other = try Platform(configuration: configuration, logger: Logger(label: "concierge.test.rotation"))
        do {
            let result = try await CommandSupport.withRunning(other.postgres) { try await body(other) }
            await other.shutdown()
            return result
        } catch {
            await other.shutdown()
            throw error
        }
    }

    static func disable(_ key: String, on platform: Platform, tenant: TenantID) async throws {
        _ = try await platform.connectors.update(
            key, try JSONDecoder().decode(ConnectorDraft.self, from: Data(#"{"enabled":false}"#.utf8)),
            tenant: tenant)
    }

    @Test("Secrets re-sealed under a new key survive dropping the old one")
    func rotation() async throws {
        try await withTestPlatform(extra: ["CONCIERGE_SECRET_KEYS": Self.ring([("k1", 1)])]) { platform in
            // given a connector whose secret is sealed under k1
            let tenant = try await platform.makeTenant().tenant.id
            _ = try await platform.connectors.create(
                try ConnectorPipelineTests.draft(url: "https://hooks.example.cn/x"), tenant: tenant)
            // when k2 alone is the ring, the secret cannot be opened
            await #expect(throws: (any Error).self) {
                try await Self.withRing(Self.ring([("k2", 2)]), like: platform) { k2 in
                    try await Self.disable("hook", on: k2, tenant: tenant)
                }
            }
            // when k2 is put first and the secrets re-sealed, as `concierge connectors rotate-secrets` does
            let resealed = try await Self.withRing(Self.ring([("k2", 2), ("k1", 1)]), like: platform) { both in
                let tenants = try await ConnectorSecretPostgresTenants(client: both.postgres, logger: both.logger)
                    .needingReseal(currentKey: "k2")
                #expect(tenants == [tenant])
                return try await both.connectors.resealSecrets(tenant: tenant)
            }
            #expect(resealed == 1)
            // then k1 can go: with k2 alone the connector is read and changed, and nothing is left to re-seal
            try await Self.withRing(Self.ring([("k2", 2)]), like: platform) { k2 in
                try await Self.disable("hook", on: k2, tenant: tenant)
                let left = try await ConnectorSecretPostgresTenants(client: k2.postgres, logger: k2.logger)
                    .needingReseal(currentKey: "k2")
                #expect(left.isEmpty)
            }
        }
    }
}
