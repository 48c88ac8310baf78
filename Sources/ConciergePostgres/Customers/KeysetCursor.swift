import ConciergeCore
import Foundation

/// The position after the last row of a page ordered by a text column and id (a name, a
/// serial number), carried to the client as opaque base64url text.
struct KeysetCursor: Equatable {
    var value: String
    var id: UUID

    /// The cursor's text form.
    var encoded: String {
        let data = (try? JSONEncoder().encode([value, id.uuidString.lowercased()])) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
            of: "/", with: "_"
        )
        .replacingOccurrences(of: "=", with: "")
    }

    init(value: String, id: UUID) {
        self.value = value
        self.id = id
    }

    /// Parses a cursor from a previous page; `nil` for `nil`.
    /// - Throws: `invalidInput` (field `cursor`) for text that is not one.
    init?(_ text: String?) throws {
        guard let text else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let parts = try? JSONDecoder().decode([String].self, from: data),
            parts.count == 2, let id = UUID(uuidString: parts[1])
        else {
            throw AppError(
                .invalidInput, code: "invalid_parameter", message: "cursor is not valid for this list", field: "cursor")
        }
        self.init(value: parts[0], id: id)
    }
}
