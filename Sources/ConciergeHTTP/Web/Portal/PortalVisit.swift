import ConciergeCore
import ConciergeDomain

/// One request to a tenant's portal, resolved: the tenant (from the path), the signed-in
/// customer (from the portal cookie), the language, and what the response must carry back.
struct PortalVisit {
    let tenant: Tenant
    let visitor: PortalVisitor?
    /// The portal cookie's secret, when it names a live session.
    let sessionSecret: String?
    let catalogue: WebCatalogue
    let dates: WebDateFormat
    let paths: PortalPaths
    /// The flash the request carries (shown once).
    let flash: PortalFlash?
    /// The anonymous forms' double-submit token: the cookie's, or a new one the response sets.
    let formToken: String
    let hadFormToken: Bool
    /// Set when `?lang=` chose a language, to remember it.
    let chosenLocale: Tenant.Locale?
    /// The path and query of the request (for the language links and `next`).
    let uri: String

    var locale: Tenant.Locale { catalogue.locale }

    /// The token a form of this page carries: the session's when signed in.
    var csrfToken: String { visitor?.csrfToken ?? formToken }
}
