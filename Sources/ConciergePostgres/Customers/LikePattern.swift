import Foundation

/// Patterns for SQL `LIKE`, with the caller's text taken literally.
enum LikePattern {
    /// Matches values that start with `text`: its `\`, `%` and `_` are escaped (backslash is
    /// `LIKE`'s default escape character) and `%` is appended.
    static func prefix(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
