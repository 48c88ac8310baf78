import ConciergeCore
import ConciergeDomain
import Hummingbird

/// The caller's own tenant settings.
struct TenantRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("tenant", requires: .tenantRead) { _, context in
            Wrapped(key: "tenant", item: TenantRepresentation(try await services.tenants.current(context.identity)))
        }
        api.patch("tenant", requires: .tenantWrite) { request, context in
            let body = try await request.decodeBody(as: TenantPatchBody.self, context: context)
            let tenant = try await services.tenants.update(
                TenantSettingsChange(name: body.name, timeZone: body.timeZone, locale: body.locale),
                by: context.identity.actor, tenant: context.identity.tenantID)
            return Wrapped(key: "tenant", item: TenantRepresentation(tenant))
        }
    }
}
