import ArgumentParser
import ConciergeCore
import ConciergeRuntime
import Foundation

/// Prints `message` to standard error and returns the error that exits with status 1.
func failure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode.failure
}

/// Runs `body`, turning any error into a one-line message and exit status 1: a use case's
/// ``AppError`` with its field, a database error with the server's message.
func reportingAppErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as AppError {
        throw failure(error.field.map { "\($0): \(error.message)" } ?? error.message)
    } catch let error as ExitCode {
        throw error
    } catch {
        throw failure(CommandSupport.describe(error))
    }
}
