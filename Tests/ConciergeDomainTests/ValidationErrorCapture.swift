import ConciergeDomain

/// Runs `body` and returns the ``ValidationError`` it threw, or `nil` when it succeeded.
/// Any other error is recorded as a test failure by the caller's `#expect` on the result.
func validationError<T>(_ body: () throws -> T) -> ValidationError? {
    do {
        _ = try body()
        return nil
    } catch let error as ValidationError {
        return error
    } catch {
        return ValidationError(field: "<unexpected>", code: "unexpected_error", message: "\(error)")
    }
}
