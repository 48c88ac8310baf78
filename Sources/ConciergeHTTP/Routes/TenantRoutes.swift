import ConciergeCore
import ConciergeDomain
import Hummingbird

/// The caller's own tenant settings, and its logo (raw image bytes in and out).
struct TenantRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("tenant", requires: .tenantRead) { _, context in
            Wrapped(key: "tenant", item: TenantRepresentation(try await services.tenants.current(context.identity)))
        }
        api.patch("tenant", requires: .tenantWrite) { request, context in
            let body = try await request.decodeBody(as: TenantPatchBody.self, context: context)
            let tenant = try await services.tenants.update(
                body.change, by: context.identity.actor, tenant: context.identity.tenantID)
            return Wrapped(key: "tenant", item: TenantRepresentation(tenant))
        }
        api.get("tenant/logo", requires: .tenantRead) { _, context in
            Self.logoResponse(try await services.tenants.logo(tenant: context.identity.tenantID))
        }
        api.put("tenant/logo", requires: .tenantWrite) { request, context in
            let buffer = try await request.body.collect(upTo: TenantLogo.maxBytes)
            let tenant = try await services.tenants.setLogo(
                contentType: request.headers[.contentType] ?? "", bytes: Array(buffer.readableBytesView),
                by: context.identity.actor, tenant: context.identity.tenantID)
            return Wrapped(key: "tenant", item: TenantRepresentation(tenant))
        }
        api.delete("tenant/logo", requires: .tenantWrite) { _, context in
            try await services.tenants.removeLogo(by: context.identity.actor, tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
    }

    /// The logo's bytes as an image that is never sniffed as anything else; cached privately,
    /// as URLs carry the logo's version.
    static func logoResponse(_ image: TenantLogoImage) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: image.logo.contentType, .contentLength: "\(image.bytes.count)",
                .xContentTypeOptions: "nosniff", .cacheControl: "private, max-age=86400",
                .contentSecurityPolicy: "default-src 'none'; sandbox",
            ],
            body: .init(byteBuffer: .init(bytes: image.bytes)))
    }
}
