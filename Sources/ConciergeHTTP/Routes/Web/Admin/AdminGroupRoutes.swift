import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `/admin/groups`: teams and skill groups (``GroupAdministration``): the list with a form that
/// creates one, and a group's page to rename it and add or remove members.
struct AdminGroupRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on console: RouterGroup<TenantContext>) {
        console.get("groups", requires: .groupsWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            return try await list(viewer, request, values: .init())
        }
        console.post("groups", requires: .groupsWrite) { request, context in
            var request = request
            let form = try await PostedForm.read(&request, context: context)
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            do {
                let group = try await services.groups.create(
                    .init(key: form["key"] ?? "", name: form["name"] ?? "", description: form["description"] ?? ""),
                    actor: context.identity.actor, tenant: context.identity.tenantID)
                return services.redirect(to: AdminPaths.group(group.id), flash: .adminCreated)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                let errors = AdminFormErrors(error, formFields: AdminGroupsPage.formFields, catalogue: viewer.catalogue)
                return try await list(
                    viewer, request, values: .init(form: form), errors: errors,
                    status: AdminFormErrors.status(of: error))
            }
        }
        console.get("groups/:id", requires: .groupsWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let group = try await services.groups.get(
                try context.id("id", of: "group"), tenant: context.identity.tenantID)
            return try await page(viewer, request, group: group, values: .init(group))
        }
        console.post("groups/:id", requires: .groupsWrite) { request, context in
            var request = request
            let form = try await PostedForm.read(&request, context: context)
            return try await change(request, context, form: form, flash: .adminSaved) { _ in
                .init(name: form["name"] ?? "", description: form["description"] ?? "")
            }
        }
        console.post("groups/:id/members", requires: .groupsWrite) { request, context in
            var request = request
            let form = try await PostedForm.read(&request, context: context)
            return try await change(request, context, form: [:], flash: .adminMemberAdded) { group in
                .init(memberIDs: group.memberIDs + [try Self.user(form["user_id"])])
            }
        }
        console.post("groups/:id/members/remove", requires: .groupsWrite) { request, context in
            var request = request
            let form = try await PostedForm.read(&request, context: context)
            return try await change(request, context, form: [:], flash: .adminMemberRemoved) { group in
                let user = try Self.user(form["user_id"])
                return .init(memberIDs: group.memberIDs.filter { $0 != user })
            }
        }
    }

    /// Applies the change `make` builds from the group in the path; back to its page with
    /// `flash`, or the page again with the use case's error.
    private func change(
        _ request: Request, _ context: TenantContext, form: [String: String], flash: WebFlash,
        _ make: (Group) throws -> GroupAdministration.Draft
    ) async throws -> Response {
        let viewer = try await AdminViewer.load(context, services: services, resources: resources)
        let tenant = context.identity.tenantID
        let group = try await services.groups.get(try context.id("id", of: "group"), tenant: tenant)
        do {
            _ = try await services.groups.update(
                group.id, try make(group), actor: context.identity.actor, tenant: tenant)
            return services.redirect(to: AdminPaths.group(group.id), flash: flash)
        } catch let error as AppError where AdminFormErrors.shows(error) {
            let errors = AdminFormErrors(error, formFields: AdminGroupPage.formFields, catalogue: viewer.catalogue)
            return try await page(
                viewer, request, group: group, values: form.isEmpty ? .init(group) : .init(form: form), errors: errors,
                status: AdminFormErrors.status(of: error))
        }
    }

    private func list(
        _ viewer: WebViewer, _ request: Request, values: AdminGroupsPage.Values, errors: AdminFormErrors = .none,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = AdminGroupsPage(
            groups: try await services.groups.list(tenant: viewer.identity.tenantID), values: values, viewer: viewer,
            errors: errors)
        return viewer.respond(
            "admin-groups", page: model, request: request, resources: resources,
            secureCookies: services.settings.secureCookies, status: status)
    }

    private func page(
        _ viewer: WebViewer, _ request: Request, group: Group, values: AdminGroupPage.Values,
        errors: AdminFormErrors = .none, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        // The pickers offer the directory's first users; members past them are read one by one.
        var users = try await WebDirectory.users(services, tenant: viewer.identity.tenantID)
        let listed = Set(users.map(\.id))
        for member in group.memberIDs where !listed.contains(member) {
            users.append(try await services.users.get(member, tenant: viewer.identity.tenantID))
        }
        let model = AdminGroupPage(group: group, users: users, values: values, viewer: viewer, errors: errors)
        return viewer.respond(
            "admin-group", page: model, request: request, resources: resources,
            secureCookies: services.settings.secureCookies, status: status)
    }

    /// The user a member form names. - Throws: `invalid_parameter` on `user_id`.
    static func user(_ text: String?) throws -> UserID {
        guard let id = text.flatMap(UserID.init) else {
            throw AppError(.invalidInput, code: "invalid_parameter", message: "user_id is not valid", field: "user_id")
        }
        return id
    }
}
