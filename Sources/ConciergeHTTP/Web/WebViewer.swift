import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// The signed-in agent as the pages need them: who they are, their tenant, the language they
/// read and the time zone dates are shown in.
struct WebViewer {
    let identity: Identity
    let user: User
    let tenant: Tenant
    let catalogue: WebCatalogue
    let dates: WebDateFormat

    /// The session's CSRF token (web pages only open with a session).
    var csrfToken: String {
        if case .session(let token) = identity.credential { return token }
        return ""
    }

    /// Loads the user and tenant behind `identity`.
    static func load(_ identity: Identity, services: HTTPServices, resources: WebResources) async throws -> WebViewer {
        guard let userID = identity.userID else { throw AppError.unauthenticated }
        let tenant = try await services.tenants.current(identity)
        let user = try await services.users.get(userID, tenant: identity.tenantID)
        return WebViewer(identity, user: user, tenant: tenant, resources: resources)
    }

    /// The frame of a page for this viewer.
    func frame(_ resources: WebResources, flash: WebFlash?) -> WebFrame {
        WebFrame(
            resources: resources, catalogue: catalogue, csrfToken: csrfToken, userName: user.name,
            flash: flash?.shown(catalogue), showsDashboard: user.role.allows(.reportsRead), brand: WebBrand(tenant),
            consoleURL: AdminSection.visible(to: identity.role).isEmpty ? nil : AdminPaths.home)
    }
}

/// Dates as the tenant reads them: `2026-11-23 14:05` in the tenant's time zone
/// (`Asia/Shanghai` when the stored zone is unknown).
struct WebDateFormat {
    let timeZone: TimeZone

    init(timeZoneIdentifier: String) {
        timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "Asia/Shanghai")!
    }

    func text(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// The day alone: `2026-11-23`.
    func day(_ date: Date) -> String { String(text(date).prefix(10)) }

    /// The machine-readable form for `<time datetime>`.
    func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}

extension WebViewer {
    /// Renders `template` for this viewer, showing (and then clearing) the flash the request
    /// carries.
    func respond(
        _ template: String, page: Any, request: Request, resources: WebResources, secureCookies: Bool,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let flash = WebFlash.carried(by: request)
        var response = WebResponse.html(
            resources.render(template, page: page, frame: frame(resources, flash: flash)), status: status)
        if flash != nil { response.setCookie(WebFlash.clearingCookie(secure: secureCookies)) }
        return response
    }
}

extension WebViewer {
    /// The viewer of a user and tenant already read (with a page's other reads).
    init(_ identity: Identity, user: User, tenant: Tenant, resources: WebResources) {
        self.init(
            identity: identity, user: user, tenant: tenant,
            catalogue: resources.catalogue(WebCatalogue.locale(user: user.locale, tenant: tenant.locale)),
            dates: WebDateFormat(timeZoneIdentifier: tenant.timeZone))
    }
}
