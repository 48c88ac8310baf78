import ConciergeDomain
import PostgresNIO

/// Scopes the open transaction to one tenant for row-level security (`app.tenant_id`, local
/// to the transaction). Runs first in every tenant transaction, hence prepared.
struct TenantScopeStatement: PostgresPreparedStatement {
    static let sql = "SELECT set_config('app.tenant_id', $1, true)"
    typealias Row = ()

    let tenantID: TenantID

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(tenantID.description)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws {}
}
