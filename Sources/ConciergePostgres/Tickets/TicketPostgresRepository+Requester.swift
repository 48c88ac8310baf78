import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

extension TicketPostgresRepository {
    func reassignRequester(from source: CustomerID, to target: CustomerID) async throws -> Int {
        // The requester is who the ticket is for, not a ticket change an agent made: the
        // version stays, so an agent's pending edit is not refused because of a merge.
        let rows = try await connection.query(
            """
            UPDATE tickets SET requester_id = \(target.rawValue)
            WHERE tenant_id = \(tenantID.rawValue) AND requester_id = \(source.rawValue)
            RETURNING id
            """, logger: logger)
        return try await rows.collect().count
    }

    func statusCounts(requester: CustomerID) async throws -> [TicketStatus: Int] {
        let rows = try await connection.query(
            """
            SELECT status, count(*)::int8 FROM tickets
            WHERE tenant_id = \(tenantID.rawValue) AND requester_id = \(requester.rawValue)
            GROUP BY status
            """, logger: logger)
        var counts: [TicketStatus: Int] = [:]
        for try await (status, count) in rows.decode((String, Int64).self) {
            if let status = TicketStatus(rawValue: status) { counts[status] = Int(count) }
        }
        return counts
    }
}
