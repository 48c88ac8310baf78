import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `/agent/settings`: the signed-in agent's own name and language (`POST /agent/settings`) and
/// password (`POST /agent/settings/password`, which signs every session of the user out).
/// Anyone signed in may change their own; roles and status stay with administrators.
struct AgentSettingsRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on group: RouterGroup<TenantContext>) {
        group.get("settings") { request, context in
            let viewer = try await WebViewer.load(context.identity, services: services, resources: resources)
            return viewer.respond(
                "settings", page: AgentSettingsPage(viewer: viewer), request: request, resources: resources,
                secureCookies: services.settings.secureCookies)
        }
        group.post("settings") { request, context in
            var request = request
            let form = try await PostedForm.read(&request, context: context)
            let flash: WebFlash
            do {
                let locale = try form["locale"].map { text in
                    guard let locale = Tenant.Locale(rawValue: text) else {
                        throw AppError(
                            .invalidInput, code: "invalid_parameter", message: "is not a language", field: "locale")
                    }
                    return locale
                }
                _ = try await services.users.updateOwnProfile(context.identity, name: form["name"], locale: locale)
                flash = .settingsSaved
            } catch let error as AppError where error.category == .invalidInput {
                flash = .refused
            }
            return services.redirect(to: AgentPaths.settings, flash: flash)
        }
        group.post("settings/password") { request, context in
            var request = request
            let form = try await PostedForm.read(&request, context: context)
            let new = form["new_password"] ?? ""
            guard new == form["confirm_password"] else {
                return services.redirect(to: AgentPaths.settings, flash: .passwordMismatch)
            }
            do {
                try await services.authentication.changeOwnPassword(
                    context.identity, current: form["current_password"] ?? "", new: new)
            } catch let error as AppError where error.category == .invalidInput || error.category == .rateLimited {
                let flash: WebFlash =
                    switch error.code {
                    case "wrong_password": .passwordWrong
                    case "too_many_failed_logins": .tooManyAttempts
                    default: .passwordTooWeak
                    }
                return services.redirect(to: AgentPaths.settings, flash: flash)
            }
            // Every session of the user has ended; sign in again with the new password.
            var response = services.redirect(to: AgentPaths.login, flash: .passwordChanged)
            response.setCookie(WebSessionCookie.clearing(secure: services.settings.secureCookies))
            return response
        }
    }

}
