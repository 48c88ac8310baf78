import Foundation

/// A stretch of time from `start` up to (not including) `end`; `end == nil` runs on forever.
struct SLASpan: Sendable, Equatable {
    var start: Date
    var end: Date?

    /// The part of this span that is also in `other`, `nil` when they do not overlap.
    func intersection(_ other: SLASpan) -> SLASpan? {
        let start = max(self.start, other.start)
        let end: Date? =
            switch (self.end, other.end) {
            case (nil, nil): nil
            case (let end?, nil), (nil, let end?): end
            case (let first?, let second?): min(first, second)
            }
        if let end, end <= start { return nil }
        return SLASpan(start: start, end: end)
    }

    /// Whether `date` lies in the span.
    func contains(_ date: Date) -> Bool {
        date >= start && end.map { date < $0 } != false
    }
}

/// A value that holds from `span.start` until the next change.
struct SLAPeriod<Value: Sendable>: Sendable {
    var span: SLASpan
    var value: Value
}
