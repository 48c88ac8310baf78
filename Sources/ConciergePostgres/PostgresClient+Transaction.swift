import Logging
import PostgresNIO

extension PostgresClient {
    /// `withTransaction`, but the error thrown is the one that caused the rollback (a use
    /// case's ``AppError``, a server error), not PostgresNIO's wrapper around it.
    func transaction<T>(
        logger: Logger, file: String = #fileID, line: Int = #line,
        _ body: (PostgresConnection) async throws -> sending T
    ) async throws -> sending T {
        do {
            return try await withTransaction(logger: logger, file: file, line: line, body)
        } catch let error as PostgresTransactionError {
            if let cause = error.closureError { throw cause }
            if let cause = error.beginError { throw cause }
            if let cause = error.commitError { throw cause }
            throw error
        }
    }
}
