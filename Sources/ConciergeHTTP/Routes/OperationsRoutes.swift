import ConciergeCore
import Foundation
import Hummingbird
import Logging

/// `/healthz`, `/readyz`, `/metrics`, `/openapi.json`: no credential needed.
struct OperationsRoutes {
    let services: HTTPServices

    func register(on router: Router<AppRequestContext>) {
        router.get("healthz") { _, _ in Self.text("ok\n") }
        router.get("readyz") { _, context in try await ready(context) }
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: .init(string: await services.metrics())))
        }
        router.get("openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: .init(bytes: try OpenAPIDocument.data())))
        }
    }

    /// 200 when every dependency answers within 2 s, 503 naming the ones that do not.
    private func ready(_ context: AppRequestContext) async throws -> Response {
        let failures = await ReadinessCheck(probes: services.health).failures()
        guard failures.isEmpty else {
            context.logger.warning("not ready", metadata: ["failing": "\(failures.joined(separator: ","))"])
            throw AppError(.unavailable, code: "not_ready", message: "unreachable: \(failures.joined(separator: ", "))")
        }
        return Self.text("ready\n")
    }

    static func text(_ body: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: .init(string: body)))
    }
}
