import ConciergeCore
import ConciergeDomain
import Foundation

/// What every portal page shows around its content: the tenant, the navigation, the language
/// switch, the signed-in customer and the flash.
struct PortalFrame {
    /// A language the visitor can switch to.
    struct Language {
        let label: String
        let href: String
        let current: Bool
        let lang: String
    }

    let lang: String
    let assetVersion: String
    let tenantName: String
    /// The tenant's initial, as its badge (the portal has no logo yet).
    let tenantInitial: String
    let homeURL: String
    /// The navigation shows (always on a tenant's pages).
    let hasNav = true
    let requestsURL: String
    let loginURL: String
    /// Where "submit a request" goes: the one form, or the list of forms on the home page.
    let newRequestURL: String
    let hasForms: Bool
    let signedIn: Bool
    let customerName: String?
    let signedInAs: String?
    let signOutAction: String
    let csrfToken: String
    let languages: [Language]
    let flash: WebFlash.Shown?

    init(_ visit: PortalVisit, resources: WebResources, site: PortalSite?) {
        let catalogue = visit.catalogue
        let paths = visit.paths
        lang = catalogue.htmlLanguage
        assetVersion = resources.assetVersion
        tenantName = visit.tenant.name
        tenantInitial = visit.tenant.name.first.map { String($0).uppercased() } ?? "?"
        homeURL = paths.home
        requestsURL = paths.requests
        loginURL = paths.login
        if let site {
            newRequestURL = site.forms.count == 1 ? paths.form(site.forms[0].key) : paths.home + "#new-request"
            hasForms = !site.forms.isEmpty
        } else {
            newRequestURL = paths.home + "#new-request"
            hasForms = true
        }
        signedIn = visit.visitor != nil
        let name = visit.visitor.map { $0.customer.name.isEmpty ? ($0.customer.emails.first ?? "") : $0.customer.name }
        customerName = name
        signedInAs = name.map { catalogue.text("portal_signed_in_as", ["name": $0]) }
        signOutAction = paths.logout
        csrfToken = visit.csrfToken
        languages = [(Tenant.Locale.zhCN, "中文"), (.en, "English")].map { locale, label in
            Language(
                label: label, href: Self.switching(visit.uri, to: locale), current: locale == catalogue.locale,
                lang: locale.rawValue)
        }
        flash = visit.flash?.shown(catalogue)
    }

    /// `uri` with its `lang` parameter set to `locale` (other parameters kept: a QR form keeps
    /// its device).
    static func switching(_ uri: String, to locale: Tenant.Locale) -> String {
        var components = URLComponents(string: uri) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: locale.rawValue))
        components.queryItems = items
        // `+` in a value is a space to form decoders; keep it literal.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.string ?? uri
    }
}
