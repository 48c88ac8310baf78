import ConciergeCore
import PostgresNIO

extension PSQLError {
    /// The SQLSTATE the server reported, if any.
    var sqlState: String? { serverInfo?[.sqlState] }
    /// The constraint (or unique index) a violation names, if any.
    var constraintName: String? { serverInfo?[.constraintName] }
}

/// Runs `body`, turning a unique violation (SQLSTATE 23505) into an ``AppError`` conflict with
/// `code`, and a foreign-key violation (23503) into `notFound(resource)`.
@discardableResult
func translatingConstraintErrors<T>(
    conflict code: String, _ message: String, missing resource: String = "referenced record",
    _ body: () async throws -> T
) async throws -> T {
    do {
        return try await body()
    } catch let error as PSQLError where error.sqlState == "23505" {
        throw AppError(.conflict, code: code, message: message)
    } catch let error as PSQLError where error.sqlState == "23503" {
        throw AppError.notFound(resource)
    }
}
