import ConciergeHTTP
import Hummingbird
import Logging

/// The small HTTP server of the worker and the scheduler: `/healthz`, `/readyz` and
/// `/metrics`, for orchestrator probes and Prometheus.
enum ProbeServer {
    static func build(_ platform: Platform, port: Int, logger: Logger) -> some ApplicationProtocol {
        let router = Router()
        router.get("healthz") { _, _ in "ok\n" }
        router.get("readyz") { _, _ -> Response in
            let failures = await ReadinessCheck(probes: platform.health).failures()
            return Response(
                status: failures.isEmpty ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain"],
                body: .init(
                    byteBuffer: .init(
                        string: failures.isEmpty ? "ready\n" : "unreachable: \(failures.joined(separator: ", "))\n")))
        }
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: .init(string: Observability.render())))
        }
        return Application(
            router: router,
            configuration: .init(
                address: .hostname(platform.configuration.httpHost, port: port), serverName: "concierge-probe"),
            logger: logger)
    }
}
