import ConciergeCore
import ConciergeDomain
import Hummingbird

/// The signed-in tenant's brand for the pages' frame: `GET /agent/brand/theme.css` (its colour
/// as custom properties) and `GET /agent/brand/logo`. Pages link both with `?v=` naming the
/// current colour or logo, so a response that matches it is cached for good and a change is
/// fetched at once.
struct WebBrandRoutes {
    let services: HTTPServices

    func register(on group: RouterGroup<TenantContext>) {
        group.get("brand/theme.css", requires: .tenantRead) { request, context in
            let tenant = try await services.tenants.current(context.identity)
            let css = tenant.brandColor.map(WebBrand.stylesheet) ?? ""
            let current = tenant.brandColor.map { String($0.hex.dropFirst()) }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/css; charset=utf-8", .xContentTypeOptions: "nosniff",
                    .cacheControl: Self.cacheControl(asked: request, current: current),
                ],
                body: .init(byteBuffer: ByteBuffer(string: css)))
        }
        group.get("brand/logo", requires: .tenantRead) { request, context in
            let image = try await services.tenants.logo(tenant: context.identity.tenantID)
            var response = TenantRoutes.logoResponse(image)
            response.headers[.cacheControl] = Self.cacheControl(asked: request, current: image.logo.version)
            return response
        }
    }

    /// Cached for a year when the URL names the current version, else revalidated every time.
    static func cacheControl(asked request: Request, current: String?) -> String {
        let asked = request.uri.queryParameters.get("v")
        return asked != nil && asked == current ? "private, max-age=31536000, immutable" : "private, no-cache"
    }
}
