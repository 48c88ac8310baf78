import ConciergeCore
import ConciergeDomain
import ConciergeQRCode
import Foundation
import Hummingbird

/// `GET /api/v1/assets/{asset}/qr?form={key}&format=png|svg`: the label to stick on a device.
/// Scanning it opens the web form `key` with the asset filled in (signed, so links cannot be
/// made up for other assets).
struct AssetQRCodeRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("assets/:asset/qr", requires: .customersRead) { request, context in
            let format = request.uri.queryParameters.get("format") ?? "png"
            guard format == "png" || format == "svg" else {
                throw AppError(
                    .invalidInput, code: "invalid_parameter", message: "format is png or svg", field: "format")
            }
            guard let form = request.uri.queryParameters.get("form"), !form.isEmpty else {
                throw AppError(
                    .invalidInput, code: "missing_parameter", message: "form names the web form to open",
                    field: "form")
            }
            let path = try await services.webForms.assetPath(
                tenant: context.identity.tenantID, form: form, asset: try context.assetID())
            let base = services.settings.publicURL
            let url = (base.hasSuffix("/") ? String(base.dropLast()) : base) + path
            let code: QRCode
            do { code = try QRCode.encode(url, correction: .medium) } catch {
                throw AppError(.invalidInput, code: "link_too_long", message: "the link does not fit a QR code")
            }
            let (type, bytes): (String, [UInt8]) =
                format == "svg" ? ("image/svg+xml", Array(code.svg(title: url).utf8)) : ("image/png", code.png())
            return Response(
                status: .ok,
                headers: [.contentType: type, .cacheControl: "private, max-age=300", .init("X-QR-Link")!: url],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
