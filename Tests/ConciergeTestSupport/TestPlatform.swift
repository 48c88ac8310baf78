import ConciergeCore
import ConciergeDomain
import ConciergePostgres
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

/// An email waiting in the outbox for the worker's `notification.email` job.
public struct QueuedEmail: Sendable, Equatable {
    public var tenantID: TenantID
    public var to: String
    public var subject: String
    public var body: String
}

extension Platform {
    /// The emails queued since the last call, read from the outbox the way the relay reads it
    /// (the rows are marked published, so each email is returned once).
    public func relayQueuedEmails() async throws -> [QueuedEmail] {
        final class Collected: @unchecked Sendable {
            let lock = NSLock()
            var emails: [QueuedEmail] = []
            func add(_ email: QueuedEmail) { lock.withLock { emails.append(email) } }
        }
        let collected = Collected()
        var relayed = 500
        while relayed == 500 {
            relayed = try await outbox.relay(limit: 500) { rows in
                for row in rows where row.job.name == OutgoingEmail.jobName {
                    guard let tenant = row.job.tenantID,
                        let object = try? JSONDecoder().decode(
                            [String: JSONValue].self, from: Data(row.job.payload.utf8))
                    else { continue }
                    collected.add(
                        QueuedEmail(
                            tenantID: tenant, to: object["to"]?.stringValue ?? "",
                            subject: object["subject"]?.stringValue ?? "", body: object["body"]?.stringValue ?? ""))
                }
                return rows.map(\.id)
            }
        }
        return collected.lock.withLock { collected.emails }
    }
}
