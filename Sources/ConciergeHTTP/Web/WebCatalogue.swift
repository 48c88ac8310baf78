import ConciergeDomain
import Foundation

/// The strings of the web pages in one language, read from `Resources/Web/i18n/<locale>.json`.
///
/// Every piece of text a page shows comes from here; templates read the strings as `{{t.key}}`
/// and Swift code through ``text(_:_:)``, which fills `{name}` placeholders. A missing key
/// shows the key itself, so a gap is visible on the page rather than silently blank (a test
/// checks both catalogues have the same keys).
public struct WebCatalogue: Sendable {
    /// The language of these strings.
    public let locale: Tenant.Locale
    /// Key → text, as the templates see them.
    public let strings: [String: String]

    public init(locale: Tenant.Locale, strings: [String: String]) {
        self.locale = locale
        self.strings = strings
    }

    /// Reads the catalogue of `locale` from `directory` (`zh-CN.json`, `en.json`).
    /// - Throws: when the file is missing or not a JSON object of strings.
    public static func load(_ locale: Tenant.Locale, from directory: URL) throws -> WebCatalogue {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(locale.rawValue).json"))
        return WebCatalogue(locale: locale, strings: try JSONDecoder().decode([String: String].self, from: data))
    }

    /// The text of `key` with each `{name}` replaced by `arguments[name]`.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var text = strings[key] ?? key
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// The `lang` attribute of pages in this language.
    public var htmlLanguage: String { locale.rawValue }

    /// The language a viewer sees: their own setting, else their tenant's.
    public static func locale(user: Tenant.Locale?, tenant: Tenant.Locale) -> Tenant.Locale {
        user ?? tenant
    }
}
