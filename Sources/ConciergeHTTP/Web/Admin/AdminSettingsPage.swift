import ConciergeDomain
import Foundation

/// The tenant settings page: name, time zone, language and brand colour in one form, the logo
/// in another (an upload). After a refused post it shows what was sent, with the errors.
struct AdminSettingsPage {
    /// What the settings form holds.
    struct Values {
        var name: String
        var timeZone: String
        var locale: String
        var brandColor: String

        init(_ tenant: Tenant) {
            name = tenant.name
            timeZone = tenant.timeZone
            locale = tenant.locale.rawValue
            brandColor = tenant.brandColor?.hex ?? ""
        }

        init(form: [String: String]) {
            name = form["name"] ?? ""
            timeZone = form["time_zone"] ?? ""
            locale = form["locale"] ?? ""
            brandColor = form["brand_color"] ?? ""
        }
    }

    /// The fields of the settings form, for placing errors.
    static let formFields: Set<String> = ["name", "time_zone", "locale", "brand_color"]

    let nav: AdminNav
    let slug: String
    let plan: String
    let seatLimit: String
    let name: String
    let brandColor: String
    let timeZoneOptions: [WebOption]
    let localeOptions: [WebOption]
    let hasBrandColor: Bool
    let logoURL: String?
    let logoLimit: String
    let errors: [String: String]
    let formError: String?
    /// The logo form's error (it has one field).
    let logoError: String?

    init(
        tenant: Tenant, values: Values, viewer: WebViewer, errors: AdminFormErrors = .none,
        logoErrors: AdminFormErrors = .none
    ) {
        let catalogue = viewer.catalogue
        nav = AdminNav(viewer, current: .settings)
        slug = tenant.slug.rawValue
        plan = tenant.plan
        seatLimit = String(tenant.seatLimit)
        name = values.name
        brandColor = values.brandColor
        hasBrandColor = tenant.brandColor != nil
        let zones = Self.timeZones.contains(values.timeZone) ? Self.timeZones : [values.timeZone] + Self.timeZones
        timeZoneOptions = zones.map { WebOption(value: $0, label: $0, selected: $0 == values.timeZone) }
        localeOptions = Tenant.Locale.allCases.map { locale in
            WebOption(
                value: locale.rawValue, label: catalogue.text(Self.localeKey(locale)),
                selected: locale.rawValue == values.locale)
        }
        logoURL = WebBrand(tenant).logoURL
        logoLimit = catalogue.text("admin_settings_logo_hint", ["size": String(TenantLogo.maxBytes / 1024)])
        self.errors = errors.fields
        formError = errors.form
        logoError = logoErrors.fields["logo"] ?? logoErrors.form
    }

    /// The catalogue key naming a language (`admin_locale_zh_cn`).
    static func localeKey(_ locale: Tenant.Locale) -> String {
        "admin_locale_\(locale.rawValue.replacingOccurrences(of: "-", with: "_").lowercased())"
    }

    /// The IANA zones a tenant may choose (the ones `Validate.timeZone` accepts), sorted.
    static let timeZones: [String] = TimeZone.knownTimeZoneIdentifiers.filter { zone in
        (try? Validate.timeZone(zone, field: "time_zone")) != nil
    }.sorted()
}
