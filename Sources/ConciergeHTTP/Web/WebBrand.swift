import ConciergeDomain

/// A tenant's brand in the pages' frame: its name, its logo and a style sheet with its colour.
///
/// The colour reaches the page only through a generated style sheet of this site
/// (``stylesheet(_:)``, served by ``WebBrandRoutes``), never an inline style: the pages'
/// policy allows neither, and ``BrandColor`` holds nothing but `#` and hex digits.
struct WebBrand {
    let tenantName: String
    /// `/agent/brand/theme.css?v=…`, `nil` when the tenant keeps the product's colours.
    let stylesheetURL: String?
    /// `/agent/brand/logo?v=…`, `nil` without a logo.
    let logoURL: String?

    static let stylesheetPath = "/agent/brand/theme.css"
    static let logoPath = "/agent/brand/logo"

    init(_ tenant: Tenant) {
        tenantName = tenant.name
        stylesheetURL = tenant.brandColor.map { "\(Self.stylesheetPath)?v=\($0.hex.dropFirst())" }
        logoURL = tenant.logo.map { "\(Self.logoPath)?v=\($0.version)" }
    }

    /// The custom properties `app.css` reads for the header and the primary buttons: the
    /// colour and the text colour that reads best on it.
    static func stylesheet(_ color: BrandColor) -> String {
        let ink = color.prefersDarkText ? "#1d2430" : "#ffffff"
        return ":root { --brand: \(color.hex); --brand-ink: \(ink); }\n"
    }
}
