import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `/admin/users`: the tenant's people (``UserAdministration``): the list and an invitation
/// form, and one person's page (name, role, language, skills and regions; deactivate or
/// reactivate; a new password). Granting follows the use case: nobody grants above their own
/// role, only owners touch owners, nobody deactivates themselves.
struct AdminUserRoutes {
    let services: HTTPServices
    let resources: WebResources

    /// Users per page of the list.
    static let pageSize = 50

    func register(on console: RouterGroup<TenantContext>) {
        console.get("users", requires: .usersWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            return try await list(viewer, request, values: .init())
        }
        console.post("users", requires: .usersWrite) { request, context in
            var request = request
            let form = try await PostedForm.read(&request, context: context)
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            do {
                let password = form["password"].flatMap { $0.isEmpty ? nil : $0 }
                let user = try await services.users.create(
                    .init(
                        email: form["email"] ?? "", name: form["name"] ?? "", role: try Self.role(form["role"]),
                        password: password, locale: try Self.locale(form["locale"])),
                    grantedBy: context.identity.role, actor: context.identity.actor, tenant: context.identity.tenantID)
                return services.redirect(
                    to: AdminPaths.user(user.id), flash: password == nil ? .adminInvited : .adminCreated)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                let errors = AdminFormErrors(error, formFields: AdminUsersPage.formFields, catalogue: viewer.catalogue)
                return try await list(
                    viewer, request, values: .init(form: form), errors: errors,
                    status: AdminFormErrors.status(of: error))
            }
        }
        console.get("users/:id", requires: .usersWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let user = try await services.users.get(try context.id("id", of: "user"), tenant: context.identity.tenantID)
            return try await page(viewer, request, user: user, values: .init(user))
        }
        console.post("users/:id", requires: .usersWrite) { request, context in
            var request = request
            let form = try await PostedForm.read(&request, context: context)
            return try await change(request, context, form: form, flash: .adminSaved) {
                var change = UserAdministration.Change(
                    name: form["name"] ?? "", role: try Self.role(form["role"]), locale: try Self.locale(form["locale"])
                )
                change.skills = Self.keys(form["skills"])
                change.regions = Self.keys(form["regions"])
                return change
            }
        }
        console.post("users/:id/deactivate", requires: .usersWrite) { request, context in
            try await change(request, context, form: [:], flash: .adminDeactivated) { .init(status: .deactivated) }
        }
        console.post("users/:id/reactivate", requires: .usersWrite) { request, context in
            try await change(request, context, form: [:], flash: .adminReactivated) { .init(status: .active) }
        }
        console.post("users/:id/password", requires: .usersWrite) { request, context in
            var request = request
            let form = try await PostedForm.read(&request, context: context)
            return try await change(request, context, form: [:], flash: .adminPasswordSet, passwordForm: true) {
                .init(password: form["password"] ?? "")
            }
        }
    }

    /// Applies the change `make` builds to the user in the path; back to their page with
    /// `flash`, or their page again with the use case's error (by the edit form's fields, or
    /// by the password form's).
    private func change(
        _ request: Request, _ context: TenantContext, form: [String: String], flash: WebFlash,
        passwordForm: Bool = false, _ make: () throws -> UserAdministration.Change
    ) async throws -> Response {
        let viewer = try await AdminViewer.load(context, services: services, resources: resources)
        let id: UserID = try context.id("id", of: "user")
        let tenant = context.identity.tenantID
        do {
            _ = try await services.users.update(
                id, try make(), grantedBy: context.identity.role, actor: context.identity.actor, tenant: tenant)
            return services.redirect(to: AdminPaths.user(id), flash: flash)
        } catch let error as AppError where AdminFormErrors.shows(error) {
            let user = try await services.users.get(id, tenant: tenant)
            let shown = AdminFormErrors(
                error, formFields: passwordForm ? ["password"] : AdminUserPage.formFields, catalogue: viewer.catalogue)
            return try await page(
                viewer, request, user: user, values: form.isEmpty ? .init(user) : .init(form: form),
                errors: passwordForm ? .none : shown, passwordErrors: passwordForm ? shown : .none,
                status: AdminFormErrors.status(of: error))
        }
    }

    private func list(
        _ viewer: WebViewer, _ request: Request, values: AdminUsersPage.Values, errors: AdminFormErrors = .none,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let tenant = viewer.identity.tenantID
        let cursor = request.uri.queryParameters.get("cursor").flatMap(UserID.init)
        let users = try await services.users.list(tenant: tenant, after: cursor, limit: Self.pageSize)
        let model = AdminUsersPage(
            users: users, groups: try await services.groups.list(tenant: tenant),
            next: users.count == Self.pageSize ? users.last?.id : nil, isFirstPage: cursor == nil, values: values,
            viewer: viewer, errors: errors)
        return viewer.respond(
            "admin-users", page: model, request: request, resources: resources,
            secureCookies: services.settings.secureCookies, status: status)
    }

    private func page(
        _ viewer: WebViewer, _ request: Request, user: User, values: AdminUserPage.Values,
        errors: AdminFormErrors = .none, passwordErrors: AdminFormErrors = .none, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = AdminUserPage(
            user: user, groups: try await services.groups.list(tenant: viewer.identity.tenantID), values: values,
            viewer: viewer, errors: errors, passwordErrors: passwordErrors)
        return viewer.respond(
            "admin-user", page: model, request: request, resources: resources,
            secureCookies: services.settings.secureCookies, status: status)
    }

    /// The role a form names. - Throws: `invalid_parameter` on `role` for anything else.
    static func role(_ text: String?) throws -> Role {
        guard let role = text.flatMap(Role.init(rawValue:)) else {
            throw AppError(.invalidInput, code: "invalid_parameter", message: "role is not valid", field: "role")
        }
        return role
    }

    /// The language a form names; empty keeps the company's. - Throws: `invalid_parameter`.
    static func locale(_ text: String?) throws -> Tenant.Locale? {
        guard let text, !text.isEmpty else { return nil }
        guard let locale = Tenant.Locale(rawValue: text) else {
            throw AppError(.invalidInput, code: "invalid_parameter", message: "locale is not valid", field: "locale")
        }
        return locale
    }

    /// Keys typed as a list (`printers, english`): the use case checks each.
    static func keys(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0.isWhitespace }).map(String.init)
    }
}
