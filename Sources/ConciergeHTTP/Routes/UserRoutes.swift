import ConciergeCore
import ConciergeDomain
import Hummingbird

/// Users of the caller's tenant.
struct UserRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("users", requires: .usersRead) { request, context in
            let limit = try request.pageLimit()
            let cursor: UserID? = try request.uri.queryParameters["cursor"].map {
                guard let id = UserID(String($0)) else {
                    throw AppError(
                        .invalidInput, code: "invalid_parameter", message: "cursor is not valid", field: "cursor")
                }
                return id
            }
            let users = try await services.users.list(tenant: context.identity.tenantID, after: cursor, limit: limit)
            return Page(
                key: "users", items: users.map(UserRepresentation.init),
                nextCursor: users.count == limit ? users.last?.id.description : nil)
        }
        api.post("users", requires: .usersWrite) { request, context in
            let body = try await request.decodeBody(as: UserCreateBody.self, context: context)
            let user = try await services.users.create(
                .init(
                    email: body.email, name: body.name, role: body.role, password: body.password, locale: body.locale,
                    skills: body.skills ?? [], regions: body.regions ?? []),
                grantedBy: context.identity.role, actor: context.identity.actor, tenant: context.identity.tenantID)
            return EditedResponse(status: .created, response: Wrapped(key: "user", item: UserRepresentation(user)))
        }
        api.get("users/:id", requires: .usersRead) { _, context in
            let user = try await services.users.get(try context.id("id", of: "user"), tenant: context.identity.tenantID)
            return Wrapped(key: "user", item: UserRepresentation(user))
        }
        api.patch("users/:id", requires: .usersWrite) { request, context in
            let id: UserID = try context.id("id", of: "user")
            let body = try await request.decodeBody(as: UserPatchBody.self, context: context)
            let user = try await services.users.update(
                id,
                .init(
                    name: body.name, role: body.role, status: body.status, locale: body.locale, password: body.password,
                    skills: body.skills, regions: body.regions),
                grantedBy: context.identity.role, actor: context.identity.actor, tenant: context.identity.tenantID)
            return Wrapped(key: "user", item: UserRepresentation(user))
        }
    }
}
