import Foundation
import Logging
import Metrics
import Prometheus

/// Process-wide logging and metrics set-up, done once.
public enum Observability {
    /// The registry every metric of this process lands in; `/metrics` renders it.
    public static let registry = PrometheusMetricsFactory.defaultRegistry

    private static let metricsBootstrap: Void = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .seconds(2.5), .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
    }()

    /// Routes swift-metrics into the Prometheus registry (idempotent).
    public static func bootstrapMetrics() { _ = metricsBootstrap }

    /// Sets the log format and level for the process. Call once, first thing in `main`.
    public static func bootstrapLogging(_ configuration: ConciergeConfiguration) {
        let level = configuration.logLevel
        let json = configuration.logFormat == "json"
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// The Prometheus text exposition of this process.
    public static func render() -> String { registry.emitToString() }
}
