import Foundation

/// Where one metric of a ticket stands at the moment it was evaluated.
///
/// For next reply it describes the latest exchange (``startedAt`` tells them apart); the
/// other metrics have one cycle per ticket.
public struct SLAMetricState: Sendable, Equatable, Codable {
    /// How a metric stands.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Counting, within target.
        case active
        /// Stopped by a pausing status, within target.
        case paused
        /// Fulfilled within target.
        case fulfilled
        /// Past its target and not fulfilled yet.
        case breachedOpen = "breached_open"
        /// Fulfilled, but after its target.
        case breachedFulfilled = "breached_fulfilled"
    }

    /// The metric.
    public var metric: SLAMetric
    /// How it stands.
    public var status: Status
    /// The target in force: the one for the ticket's priority when the cycle was fulfilled,
    /// or now.
    public var target: SLATarget
    /// When the clock started: creation, or the requester reply that opened a next-reply cycle.
    public var startedAt: Date
    /// The deadline under ``target``: when the counted time reaches it. While paused, this is
    /// the deadline if the clock resumed at the evaluation time, so it moves later for as long
    /// as the pause lasts.
    public var targetAt: Date
    /// When the warning starts (see ``SLAWarning``), projected the same way.
    public var warningAt: Date
    /// When the metric was fulfilled, `nil` while it runs.
    public var fulfilledAt: Date?
    /// When the metric breached, `nil` if it has not. Usually ``targetAt``; later when a
    /// priority change shortened the target past the time already counted (the breach is
    /// then the moment of the change), and earlier when a priority change lengthened the
    /// target after a breach (a breach, once it happened, stays).
    public var breachedAt: Date?
    /// The counted time (business or calendar, as the target says) up to fulfilment or the
    /// evaluation time.
    public var elapsed: TimeInterval
    /// The time, counted the same way, the clock stood still in a pausing status.
    public var pausedDuration: TimeInterval

    /// A state from its parts.
    public init(
        metric: SLAMetric, status: Status, target: SLATarget, startedAt: Date, targetAt: Date, warningAt: Date,
        fulfilledAt: Date? = nil, breachedAt: Date? = nil, elapsed: TimeInterval, pausedDuration: TimeInterval
    ) {
        self.metric = metric
        self.status = status
        self.target = target
        self.startedAt = startedAt
        self.targetAt = targetAt
        self.warningAt = warningAt
        self.fulfilledAt = fulfilledAt
        self.breachedAt = breachedAt
        self.elapsed = elapsed
        self.pausedDuration = pausedDuration
    }

    /// Whether the metric breached (open or fulfilled late).
    public var isBreached: Bool { breachedAt != nil }

    /// Wall-clock seconds from `now` to the deadline while the metric runs within target;
    /// zero once it is fulfilled, breached or due.
    public func remaining(at now: Date) -> TimeInterval {
        switch status {
        case .active, .paused: max(0, targetAt.timeIntervalSince(now))
        case .fulfilled, .breachedOpen, .breachedFulfilled: 0
        }
    }

    /// Wall-clock seconds past the deadline: up to `now` while breached and open, up to
    /// fulfilment when fulfilled late; zero otherwise.
    public func overdue(at now: Date) -> TimeInterval {
        switch status {
        case .breachedOpen: max(0, now.timeIntervalSince(targetAt))
        case .breachedFulfilled: max(0, (fulfilledAt ?? now).timeIntervalSince(targetAt))
        case .active, .paused, .fulfilled: 0
        }
    }

    private enum CodingKeys: String, CodingKey {
        case metric, status, target
        case startedAt = "started_at"
        case targetAt = "target_at"
        case warningAt = "warning_at"
        case fulfilledAt = "fulfilled_at"
        case breachedAt = "breached_at"
        case elapsed
        case pausedDuration = "paused_duration"
    }
}
