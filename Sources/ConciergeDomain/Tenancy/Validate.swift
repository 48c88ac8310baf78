import Foundation

/// Reusable field checks shared by every entity's validation.
public enum Validate {
    /// Trims and bounds a human-visible name (Chinese or English).
    public static func displayName(_ text: String, field: String, maxLength: Int = 200) throws(ValidationError)
        -> String
    {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw ValidationError(field: field, code: "required", message: "must not be empty")
        }
        guard trimmed.count <= maxLength else {
            throw ValidationError(field: field, code: "too_long", message: "must be at most \(maxLength) characters")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationError(
                field: field, code: "invalid_characters", message: "must not contain control characters")
        }
        return trimmed
    }

    /// Normalises an email address (trimmed, lowercased) and checks its shape.
    public static func email(_ text: String, field: String = "email") throws(ValidationError) -> String {
        let normalized = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = normalized.split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            normalized.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[0].count <= 64
            && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !parts[1].contains("..")
            && !normalized.unicodeScalars.contains(where: { $0 == " " || $0.properties.generalCategory == .control })
        guard valid else {
            throw ValidationError(field: field, code: "invalid_email", message: "is not a valid email address")
        }
        return normalized
    }

    /// Checks an IANA time zone name.
    public static func timeZone(_ name: String, field: String) throws(ValidationError) {
        guard name.contains("/") || name == "UTC", TimeZone(identifier: name) != nil else {
            throw ValidationError(
                field: field, code: "invalid_time_zone", message: "is not an IANA time zone such as Asia/Shanghai")
        }
    }

    /// Checks a new password: at least 10 characters, at most 72 bytes (bcrypt's limit), and at
    /// least 4 distinct characters.
    public static func password(_ text: String, field: String = "password") throws(ValidationError) {
        guard text.count >= 10 else {
            throw ValidationError(field: field, code: "password_too_short", message: "must be at least 10 characters")
        }
        guard text.utf8.count <= 72 else {
            // bcrypt ignores bytes past 72; refuse rather than silently truncate.
            throw ValidationError(field: field, code: "password_too_long", message: "must be at most 72 bytes")
        }
        guard Set(text).count >= 4 else {
            throw ValidationError(
                field: field, code: "password_too_simple", message: "must use at least 4 different characters")
        }
    }
}
