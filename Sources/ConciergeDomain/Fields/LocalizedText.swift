import Foundation

/// A label in the two languages the product ships with (see ``Tenant/Locale``).
///
/// Either language may be empty, but not both: a tenant that works only in Chinese fills
/// `zhCN`, and readers in the other language fall back to it.
public struct LocalizedText: Sendable, Equatable, Hashable, Codable {
    /// Simplified Chinese text.
    public var zhCN: String
    /// English text.
    public var en: String

    /// Creates a text from both languages; pass `""` for a missing one.
    public init(zhCN: String, en: String) {
        self.zhCN = zhCN
        self.en = en
    }

    /// The text in `locale`, falling back to the other language when that one is empty.
    public func text(for locale: Tenant.Locale) -> String {
        switch locale {
        case .zhCN: zhCN.isEmpty ? en : zhCN
        case .en: en.isEmpty ? zhCN : en
        }
    }

    /// Trims both languages and checks that at least one is present.
    ///
    /// - Parameters:
    ///   - field: Path of this text (`labels`); a language's problem is reported on
    ///     `<field>.zh_cn` or `<field>.en`.
    ///   - maxLength: Most characters (not bytes) allowed per language.
    /// - Returns: The trimmed text.
    /// - Throws: ``ValidationError`` with code `required` when both languages are empty,
    ///   `too_long` or `invalid_characters` for one language.
    public func validated(field: String, maxLength: Int = 200) throws(ValidationError) -> LocalizedText {
        let chinese = zhCN.trimmingCharacters(in: .whitespacesAndNewlines)
        let english = en.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !chinese.isEmpty || !english.isEmpty else {
            throw ValidationError(field: field, code: "required", message: "needs a Chinese or an English text")
        }
        if !chinese.isEmpty { _ = try Validate.displayName(chinese, field: "\(field).zh_cn", maxLength: maxLength) }
        if !english.isEmpty { _ = try Validate.displayName(english, field: "\(field).en", maxLength: maxLength) }
        return LocalizedText(zhCN: chinese, en: english)
    }
}

extension LocalizedText {
    /// `{"zh_cn": "…", "en": "…"}`.
    enum CodingKeys: String, CodingKey {
        case zhCN = "zh_cn"
        case en
    }
}
