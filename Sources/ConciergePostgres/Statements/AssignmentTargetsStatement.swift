import ConciergeDomain
import Foundation
import PostgresNIO

/// The status of a ticket's assignee and whether its group exists, in one prepared statement
/// (almost every new ticket names both).
struct AssignmentTargetsStatement: PostgresPreparedStatement {
    static let sql = """
        SELECT (SELECT status FROM users WHERE tenant_id = $1 AND id = $2),
               EXISTS (SELECT FROM groups WHERE tenant_id = $1 AND id = $3)
        """
    typealias Row = (String?, Bool)

    let tenantID: TenantID
    let assignee: UserID?
    let group: GroupID?

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(tenantID.rawValue)
        bindings.append(assignee?.rawValue)
        bindings.append(group?.rawValue)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
}
