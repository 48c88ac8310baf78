import ConciergeCore
import Foundation

/// Reading what the console's forms type as text into the values the use cases take. Only the
/// reading: the use cases check the values.
enum AdminInput {
    /// A whole number typed into `field`. - Throws: `invalid_number` on `field`.
    static func wholeNumber(_ text: String, field: String) throws -> Int {
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw AppError(.invalidInput, code: "invalid_number", message: "is not a whole number", field: field)
        }
        return number
    }
}
