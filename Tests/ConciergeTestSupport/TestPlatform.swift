import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import Foundation
import Logging

/// A platform on a fresh database, live for the duration of `body`.
public func withTestPlatform<T: Sendable>(
    extra: [String: String] = [:], _ body: @Sendable (Platform) async throws -> T
) async throws -> T {
    let configuration = try await TestEnvironment.shared.freshConfiguration(extra: extra)
    var logger = Logger(label: "concierge.test")
    logger.logLevel = .warning
    let platform = try Platform(configuration: configuration, logger: logger)
    do {
        let result = try await CommandSupport.withRunning(platform.postgres) { try await body(platform) }
        await platform.shutdown()
        return result
    } catch {
        await platform.shutdown()
        throw error
    }
}

extension Platform {
    /// Creates a tenant with an admin token; returns both.
    public func makeTenant(_ slug: String = "t\(UUID().uuidString.prefix(8).lowercased())", seats: Int = 25)
        async throws
        -> TenantProvisioning.Provisioned
    {
        try await provisioning.create(.init(slug: slug, name: "Tenant \(slug)", seatLimit: seats))
    }
}
