import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// Signing in to the portal by emailed link, and out.
///
/// - `GET /portal/{tenant}/login`: the email form (`?email=` pre-fills it, `?next=` names the
///   portal page to open afterwards).
/// - `POST /portal/{tenant}/login`: emails a link when the address is a customer's; the answer
///   is the same "check your mail" page whether or not it is, so the form tells nobody who the
///   tenant's customers are. Too many asks for one address or from one client: 429.
/// - `GET /portal/{tenant}/login/{secret}`: the link's page, a button that signs in. A GET
///   never spends the link, so mail scanners that fetch links do not burn it.
/// - `POST /portal/{tenant}/login/{secret}`: spends the link, sets the portal cookie, opens
///   "my requests" (or `next`).
/// - `POST /portal/{tenant}/logout`: ends the session.
struct PortalSignInRoutes {
    let services: HTTPServices
    let gate: PortalGate

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("login") { request, context in
            let visit = try await gate.visit(request, context)
            let query = request.uri.queryParameters
            let next = visit.paths.returnPath(query.get("next"))
            if visit.visitor != nil { return gate.redirect(next ?? visit.paths.requests, visit) }
            let page = PortalPages.Login(
                action: visit.paths.login, email: query.get("email") ?? "", next: next, error: nil)
            return gate.page("portal-login", page, visit)
        }
        group.post("login") { request, context in try await askForLink(request, context) }
        group.get("login/:secret") { request, context in
            let visit = try await gate.visit(request, context)
            let secret = context.parameters.get("secret") ?? ""
            let status = try await services.portal.linkStatus(tenant: visit.tenant, secret: secret)
            let next = visit.paths.returnPath(request.uri.queryParameters.get("next"))
            return linkPage(visit, secret: secret, status: status, next: next)
        }
        group.post("login/:secret") { request, context in try await signIn(request, context) }
        group.post("logout") { request, context in
            var request = request
            let visit = try await gate.visit(request, context)
            var response = gate.redirect(visit.paths.home, visit, flash: .signedOut)
            if let secret = visit.sessionSecret {
                _ = try await gate.form(&request, context, visit, anonymous: false)
                try await services.portal.signOut(tenant: visit.tenant, sessionSecret: secret)
            }
            response.setCookie(gate.sessionCookie("", visit: visit, maxAge: 0))
            return response
        }
    }

    private func askForLink(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let visit = try await gate.visit(request, context)
        let form = try await gate.form(&request, context, visit, anonymous: true)
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let next = visit.paths.returnPath(form["next"])
        let catalogue = visit.catalogue
        do {
            try await services.portal.requestLink(
                tenant: visit.tenant, email: email, locale: visit.locale, clientAddress: context.clientAddress,
                returningTo: next)
        } catch let error as AppError where error.category == .invalidInput || error.category == .rateLimited {
            let limited = error.category == .rateLimited
            let page = PortalPages.Login(
                action: visit.paths.login, email: email, next: next,
                error: catalogue.text(limited ? "portal_login_rate_limited" : "portal_login_invalid_email"))
            return gate.page("portal-login", page, visit, status: limited ? .tooManyRequests : .badRequest)
        }
        let sent = PortalPages.LinkSent(
            message: catalogue.text(
                "portal_link_sent", ["email": email, "minutes": String(services.portal.linkMinutes)]),
            retryURL: visit.paths.login(email: email, returningTo: next))
        return gate.page("portal-sent", sent, visit)
    }

    private func signIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let visit = try await gate.visit(request, context)
        let form = try await gate.form(&request, context, visit, anonymous: true)
        let secret = context.parameters.get("secret") ?? ""
        let next = visit.paths.returnPath(form["next"])
        let signedIn: PortalSignIn
        do {
            signedIn = try await services.portal.signIn(tenant: visit.tenant, secret: secret)
        } catch let error as AppError where error.category == .conflict || error.category == .notFound {
            let status: PortalLinkStatus =
                switch error.code {
                case "link_used": .used
                case "link_expired": .expired
                default: .unknown
                }
            return linkPage(visit, secret: secret, status: status, next: next)
        }
        // Someone else signed in on this browser before: that session ends.
        if let previous = visit.sessionSecret {
            try await services.portal.signOut(tenant: visit.tenant, sessionSecret: previous)
        }
        var response = gate.redirect(next ?? visit.paths.requests, visit, flash: .signedIn)
        let lifetime = max(60, Int(signedIn.expiresAt.timeIntervalSinceNow))
        response.setCookie(gate.sessionCookie(signedIn.sessionSecret, visit: visit, maxAge: lifetime))
        return response
    }

    private func linkPage(_ visit: PortalVisit, secret: String, status: PortalLinkStatus, next: String?) -> Response {
        let catalogue = visit.catalogue
        let (key, code): (String, HTTPResponse.Status) =
            switch status {
            case .usable: ("portal_link_usable", .ok)
            case .used: ("portal_link_used", .gone)
            case .expired: ("portal_link_expired", .gone)
            case .unknown: ("portal_link_unknown", .notFound)
            }
        let page = PortalPages.SignInLink(
            usable: status == .usable, message: catalogue.text(key, ["tenant": visit.tenant.name]),
            action: visit.paths.link(secret), next: next, loginURL: visit.paths.login(returningTo: next))
        return gate.page("portal-link", page, visit, status: code)
    }
}
