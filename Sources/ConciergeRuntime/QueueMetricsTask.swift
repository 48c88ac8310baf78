import ConciergeCore
import ConciergeQueue
import Metrics

/// Publishes each queue's depth, in-flight, dead and oldest-job age as gauges, and its
/// lifetime totals, every few seconds.
struct QueueMetricsTask: PeriodicTask {
    let name = "queue.metrics"
    let interval: Duration = .seconds(5)
    let queue: RedisJobQueue

    func runOnce() async throws {
        for name in try await queue.queues() {
            let stats = try await queue.stats(of: name)
            let dimensions = [("queue", name)]
            Gauge(label: "concierge_queue_ready_jobs", dimensions: dimensions).record(stats.ready)
            Gauge(label: "concierge_queue_delayed_jobs", dimensions: dimensions).record(stats.delayed)
            Gauge(label: "concierge_queue_in_flight_jobs", dimensions: dimensions).record(stats.inFlight)
            Gauge(label: "concierge_queue_dead_jobs", dimensions: dimensions).record(stats.dead)
            Gauge(label: "concierge_queue_oldest_ready_age_seconds", dimensions: dimensions).record(
                stats.oldestReadyAgeSeconds)
            Gauge(label: "concierge_queue_enqueued_total", dimensions: dimensions).record(stats.enqueuedTotal)
            Gauge(label: "concierge_queue_completed_total", dimensions: dimensions).record(stats.completedTotal)
            Gauge(label: "concierge_queue_retried_total", dimensions: dimensions).record(stats.retriedTotal)
            Gauge(label: "concierge_queue_dead_lettered_total", dimensions: dimensions).record(stats.deadTotal)
        }
    }
}
