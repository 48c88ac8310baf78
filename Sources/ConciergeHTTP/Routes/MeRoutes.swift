import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `GET /api/v1/me`: who the credential belongs to.
struct MeRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("me", requires: .tenantRead) { _, context in try await me(context.identity) }
    }

    private func me(_ identity: Identity) async throws -> MeRepresentation {
        let tenant = try await services.tenants.current(identity)
        var user: UserRepresentation?
        if let id = identity.userID {
            user = UserRepresentation(try await services.users.get(id, tenant: identity.tenantID))
        }
        let credential = if case .apiToken = identity.credential { "api_token" } else { "session" }
        return MeRepresentation(
            tenant: TenantRepresentation(tenant), role: identity.role.rawValue,
            permissions: identity.role.permissions.map(\.rawValue).sorted(), user: user, credential: credential)
    }
}

/// The caller: tenant, role, permissions, and the user behind a session.
struct MeRepresentation: ResponseEncodable {
    var tenant: TenantRepresentation
    var role: String
    var permissions: [String]
    var user: UserRepresentation?
    var credential: String
}
