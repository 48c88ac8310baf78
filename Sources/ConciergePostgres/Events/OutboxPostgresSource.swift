import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// The relay's access to the outbox through the privileged `outbox_*` functions.
public struct OutboxPostgresSource: OutboxSource {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func relay(limit: Int, _ publish: @Sendable ([PendingOutboxRow]) async throws -> [Int64]) async throws -> Int
    {
        let logger = self.logger
        return try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query(
                "SELECT id, tenant_id, queue, job FROM outbox_claim(\(limit)::int4)", logger: logger)
            var pending: [PendingOutboxRow] = []
            for try await (id, tenant, queue, job) in rows.decode((Int64, UUID, String, String).self) {
                guard let decoded = try? JSONDecoder().decode(Job.self, from: Data(job.utf8)) else {
                    logger.error(
                        "undecodable outbox row skipped", metadata: ["outbox_id": "\(id)", "tenant_id": "\(tenant)"])
                    continue
                }
                pending.append(PendingOutboxRow(id: id, tenantID: TenantID(tenant), queue: queue, job: decoded))
            }
            guard !pending.isEmpty else { return 0 }
            let published = try await publish(pending)
            try await connection.query("SELECT outbox_mark_published(\(published))", logger: logger)
            return pending.count
        }
    }

    public func purgePublished(olderThan age: Duration) async throws -> Int {
        let seconds = Int(age.components.seconds)
        let rows = try await client.query(
            "SELECT outbox_purge_published(make_interval(secs => \(Double(seconds))))::int8", logger: logger)
        for try await count in rows.decode(Int64.self) { return Int(count) }
        return 0
    }
}
