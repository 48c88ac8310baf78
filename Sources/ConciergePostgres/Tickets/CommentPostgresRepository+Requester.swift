import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

extension CommentPostgresRepository {
    func reassignCustomerAuthor(from source: CustomerID, to target: CustomerID) async throws {
        try await connection.query(
            """
            UPDATE comments SET author_id = \(target.description)
            WHERE tenant_id = \(tenantID.rawValue) AND author_type = 'customer' AND author_id = \(source.description)
            """, logger: logger)
    }
}
