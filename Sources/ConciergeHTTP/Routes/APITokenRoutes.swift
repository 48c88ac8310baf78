import ConciergeCore
import ConciergeDomain
import Hummingbird

/// API tokens of the caller's tenant. The secret appears only in the response that issues it.
struct APITokenRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("api-tokens", requires: .tokensManage) { _, context in
            let tokens = try await services.tokens.list(tenant: context.identity.tenantID)
            return Page(key: "api_tokens", items: tokens.map { APITokenRepresentation($0) }, nextCursor: nil)
        }
        api.post("api-tokens", requires: .tokensManage) { request, context in
            let body = try await request.decodeBody(as: TokenCreateBody.self, context: context)
            let issued = try await services.tokens.issue(
                name: body.name, role: body.role, expiresAt: body.expiresAt, grantedBy: context.identity.role,
                actor: context.identity.actor, tenant: context.identity.tenantID)
            return EditedResponse(
                status: .created,
                response: Wrapped(key: "api_token", item: APITokenRepresentation(issued.token, secret: issued.secret)))
        }
        api.delete("api-tokens/:id", requires: .tokensManage) { _, context in
            try await services.tokens.revoke(
                try context.id("id", of: "api token"), actor: context.identity.actor, tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
    }
}
