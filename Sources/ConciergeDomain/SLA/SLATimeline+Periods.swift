import Foundation

extension SLATimeline {
    /// The events up to `now`, ordered by date (stable), none before creation.
    func orderedEvents(until now: Date) -> [SLAEvent] {
        events.enumerated()
            .filter { $0.element.date <= now }
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map { Self.clamped($0.element, notBefore: createdAt) }
    }

    /// The ticket's statuses over time, from creation; the last period is open-ended.
    func statusPeriods(until now: Date) -> [SLAPeriod<TicketStatus>] {
        periods(initial: initialStatus, until: now) { event in
            if case .statusChanged(let status, _) = event { status } else { nil }
        }
    }

    /// The ticket's priorities over time, from creation; the last period is open-ended.
    func priorityPeriods(until now: Date) -> [SLAPeriod<TicketPriority>] {
        periods(initial: initialPriority, until: now) { event in
            if case .priorityChanged(let priority, _) = event { priority } else { nil }
        }
    }

    private func periods<Value>(initial: Value, until now: Date, _ change: (SLAEvent) -> Value?) -> [SLAPeriod<Value>] {
        var result = [SLAPeriod(span: SLASpan(start: createdAt, end: nil), value: initial)]
        for event in orderedEvents(until: now) {
            guard let value = change(event) else { continue }
            result[result.count - 1].span.end = event.date
            result.append(SLAPeriod(span: SLASpan(start: event.date, end: nil), value: value))
        }
        return result
    }

    private static func clamped(_ event: SLAEvent, notBefore date: Date) -> SLAEvent {
        guard event.date < date else { return event }
        return switch event {
        case .statusChanged(let status, _): .statusChanged(to: status, at: date)
        case .priorityChanged(let priority, _): .priorityChanged(to: priority, at: date)
        case .agentReplied: .agentReplied(at: date)
        case .requesterReplied: .requesterReplied(at: date)
        }
    }
}

extension Array {
    /// The value of the last period that has started by `date` (the first period's value
    /// before that).
    func value<Value>(at date: Date) -> Value where Element == SLAPeriod<Value> {
        (last { $0.span.start <= date } ?? self[0]).value
    }
}
