import Foundation

/// One run of a metric, from the fact that starts it to the fact that fulfils it: the only
/// run of first reply, requester wait and resolution, or one exchange of next reply.
struct SLACycle: Sendable, Equatable {
    /// When the clock started.
    var start: Date
    /// When the cycle is unfulfilled, in order: one span, or for requester wait and resolution
    /// one per stretch between creation or reopening and solving. The last span is
    /// open-ended while the cycle is unfulfilled.
    var live: [SLASpan]

    /// When the cycle was fulfilled, `nil` while it runs.
    var fulfilledAt: Date? {
        guard let last = live.last else { return start }
        return last.end
    }

    /// The cycle of `metric` that the timeline is in now (or ended with), `nil` when there is
    /// none yet (next reply before the first exchange).
    static func latest(of metric: SLAMetric, in timeline: SLATimeline, until now: Date) -> SLACycle? {
        let events = timeline.orderedEvents(until: now)
        switch metric {
        case .firstReply:
            let fulfilment = events.first { event in
                switch event {
                case .agentReplied: true
                case .statusChanged(let status, _): !status.isUnsolved
                default: false
                }
            }
            // A ticket recorded as already solved (an import) owes no first reply.
            let end = timeline.initialStatus.isUnsolved ? fulfilment?.date : timeline.createdAt
            return SLACycle(start: timeline.createdAt, live: [SLASpan(start: timeline.createdAt, end: end)])
        case .nextReply:
            return latestExchange(in: events, initialStatus: timeline.initialStatus)
        case .requesterWait, .resolution:
            let unsolved = timeline.statusPeriods(until: now).filter { $0.value.isUnsolved }.map(\.span)
            return SLACycle(start: timeline.createdAt, live: merged(unsolved))
        }
    }

    /// The last next-reply cycle. A requester reply opens one once the first reply is done
    /// and none is open; further requester replies do not restart it; a public agent reply or
    /// solving closes it (solving the ticket answers the requester too).
    private static func latestExchange(in events: [SLAEvent], initialStatus: TicketStatus) -> SLACycle? {
        var answered = !initialStatus.isUnsolved
        var openedAt: Date?
        var latest: SLACycle?
        for event in events {
            switch event {
            case .requesterReplied(let date):
                if answered, openedAt == nil {
                    openedAt = date
                    latest = SLACycle(start: date, live: [SLASpan(start: date, end: nil)])
                }
            case .agentReplied(let date):
                answered = true
                if let start = openedAt { latest = SLACycle(start: start, live: [SLASpan(start: start, end: date)]) }
                openedAt = nil
            case .statusChanged(let status, let date) where !status.isUnsolved:
                answered = true
                if let start = openedAt { latest = SLACycle(start: start, live: [SLASpan(start: start, end: date)]) }
                openedAt = nil
            default:
                continue
            }
        }
        return latest
    }

    /// Touching spans joined, so open → pending → open reads as one unsolved stretch.
    private static func merged(_ spans: [SLASpan]) -> [SLASpan] {
        var result: [SLASpan] = []
        for span in spans {
            if let last = result.last, last.end == span.start {
                result[result.count - 1].end = span.end
            } else {
                result.append(span)
            }
        }
        return result
    }
}
