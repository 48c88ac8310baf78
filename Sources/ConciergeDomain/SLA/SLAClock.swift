import Foundation

/// Computes where every SLA metric of a ticket stands, from its policy, its calendar and
/// the full timeline of its history.
///
/// It is a pure recomputation: nothing is carried over between evaluations, so the answer
/// for a timeline never depends on when or how often it was evaluated, and a scheduler can
/// replay any ticket. The rules follow Zendesk's:
/// - a clock counts only while the cycle is unfulfilled and the ticket is not in one of the
///   policy's pausing statuses (``SLAPolicy/pausingStatuses(for:)``); a pause moves the
///   deadline later by the paused time, counted in the target's time (business hours or
///   calendar time);
/// - the target in force is the one for the ticket's current priority (at fulfilment, for a
///   fulfilled cycle), applied to the time counted since the clock started; a metric with no
///   target for that priority is left out of the result;
/// - a breach is the first moment the counted time reached the target in force at that
///   moment, and it stays a breach whatever priority the ticket gets later.
public enum SLAClock {
    /// The state of every metric that `policy` sets a target for and that has started.
    ///
    /// - Parameters:
    ///   - policy: The policy that applies to the ticket (see ``SLAPolicy/first(matching:in:)``).
    ///   - calendar: The calendar business-hours targets count on (the policy's
    ///     ``SLAPolicy/calendarKey``, resolved by the caller; ``BusinessCalendar/alwaysOpen``
    ///     when the tenant has none).
    ///   - timeline: The ticket's history; events after `now` are ignored.
    ///   - now: The evaluation time; an earlier time than creation counts as creation.
    /// - Returns: One state per measured metric. Next reply appears once a requester has
    ///   replied after the first reply.
    /// - Throws: ``BusinessCalendarError/noWorkingTime(after:)`` when a business-hours deadline
    ///   cannot be reached because the calendar has no working time left.
    public static func evaluate(policy: SLAPolicy, calendar: BusinessCalendar, timeline: SLATimeline, now: Date)
        throws(BusinessCalendarError) -> [SLAMetric: SLAMetricState]
    {
        let now = max(now, timeline.createdAt)
        let statuses = timeline.statusPeriods(until: now)
        let priorities = timeline.priorityPeriods(until: now)
        var result: [SLAMetric: SLAMetricState] = [:]
        for metric in SLAMetric.allCases {
            guard let cycle = SLACycle.latest(of: metric, in: timeline, until: now) else { continue }
            let end = cycle.fulfilledAt ?? now
            guard let target = policy.targets[metric, priorities.value(at: end)] else { continue }
            let pausing = policy.pausingStatuses(for: metric)
            let live = cycle.live.compactMap { $0.intersection(SLASpan(start: cycle.start, end: end)) }
            // Counting continues past `end` only as a projection: it places the deadline of a
            // paused or fulfilled cycle where it would be if the clock ran on.
            let running =
                overlap(live, statuses.filter { !pausing.contains($0.value) }.map(\.span))
                + [SLASpan(start: end, end: nil)]
            let paused = overlap(live, statuses.filter { pausing.contains($0.value) }.map(\.span))
            let basis = SLATimeBasis(calendar: target.businessHours ? calendar : nil)
            let breachedAt = try breach(
                of: metric, cycle: cycle, running: running, priorities: priorities, policy: policy,
                calendar: calendar, now: now)
            let status: SLAMetricState.Status =
                if cycle.fulfilledAt != nil {
                    breachedAt == nil ? .fulfilled : .breachedFulfilled
                } else if breachedAt != nil {
                    .breachedOpen
                } else {
                    pausing.contains(statuses.value(at: now)) ? .paused : .active
                }
            result[metric] = SLAMetricState(
                metric: metric, status: status, target: target, startedAt: cycle.start,
                targetAt: try basis.moment(reaching: target.seconds, in: running, fallback: cycle.start),
                warningAt: try basis.moment(
                    reaching: policy.warning.elapsedAtWarning(target: target.seconds), in: running,
                    fallback: cycle.start),
                fulfilledAt: cycle.fulfilledAt, breachedAt: breachedAt,
                elapsed: basis.elapsed(in: running, until: end), pausedDuration: basis.elapsed(in: paused, until: end))
        }
        return result
    }

    /// The first moment the cycle was past the target in force, `nil` if it never was (up
    /// to fulfilment, or up to `now` for a running cycle).
    ///
    /// Each priority period is checked with its own target: the candidate is the later of
    /// the period's start and the moment the counted time reached that target, moved to the
    /// next unfulfilled moment (a priority raised while the ticket was solved breaches at the
    /// reopen), and it counts if it still falls within the period.
    private static func breach(
        of metric: SLAMetric, cycle: SLACycle, running: [SLASpan], priorities: [SLAPeriod<TicketPriority>],
        policy: SLAPolicy, calendar: BusinessCalendar, now: Date
    ) throws(BusinessCalendarError) -> Date? {
        var earliest: Date?
        for period in priorities {
            guard let target = policy.targets[metric, period.value],
                let window = period.span.intersection(SLASpan(start: cycle.start, end: nil))
            else { continue }
            let basis = SLATimeBasis(calendar: target.businessHours ? calendar : nil)
            let crossing = try basis.moment(reaching: target.seconds, in: running, fallback: cycle.start)
            guard let candidate = firstUnfulfilledMoment(from: max(window.start, crossing), in: cycle, now: now),
                window.contains(candidate)
            else { continue }
            earliest = min(earliest ?? candidate, candidate)
        }
        return earliest
    }

    /// The first moment at or after `date` at which the cycle was unfulfilled, no later than
    /// `now`; `nil` when there is none.
    private static func firstUnfulfilledMoment(from date: Date, in cycle: SLACycle, now: Date) -> Date? {
        for span in cycle.live {
            let moment = max(date, span.start)
            guard let end = span.end else { return moment <= now ? moment : nil }
            if moment < end { return moment }
        }
        return nil
    }

    /// The parts of `spans` that lie within `within`, in order.
    private static func overlap(_ within: [SLASpan], _ spans: [SLASpan]) -> [SLASpan] {
        within.flatMap { outer in spans.compactMap { outer.intersection($0) } }
    }
}
