import Foundation
import PostgresNIO

/// Finds a live API token of an active tenant by the digest of its secret and records its use
/// (at most once a minute, so a hot token does not rewrite its row on every request). Runs on
/// every API request, hence prepared.
struct TokenUseStatement: PostgresPreparedStatement {
    static let sql = """
        WITH hit AS (
            SELECT k.id FROM api_tokens k JOIN tenants t ON t.id = k.tenant_id AND t.status = 'active'
            WHERE k.token_digest = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > $2)
        ), touched AS (
            UPDATE api_tokens SET last_used_at = $2
            WHERE id IN (SELECT id FROM hit) AND (last_used_at IS NULL OR last_used_at < $2 - interval '60 seconds')
        )
        SELECT \(CredentialPostgresStore.tokenColumns) FROM api_tokens WHERE id IN (SELECT id FROM hit)
        """
    typealias Row = CredentialPostgresStore.TokenRow

    let digest: [UInt8]
    let now: Date

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        try bindings.append(Data(digest))
        bindings.append(now)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
}
