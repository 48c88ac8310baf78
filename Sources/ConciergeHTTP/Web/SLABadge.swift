import Foundation

/// The SLA badge of a ticket: "breaches in 25 min" or "breached 5 min ago", in minutes below
/// two hours, hours below two days, days beyond.
struct SLABadge {
    let text: String
    /// CSS modifier: `breached`, `soon` (within the hour) or `later`.
    let kind: String
    /// The breach moment in the tenant's time zone, for the tooltip.
    let at: String

    static let soonWindow: TimeInterval = 3600

    init(breachAt: Date, now: Date, catalogue: WebCatalogue, dates: WebDateFormat) {
        let seconds = breachAt.timeIntervalSince(now)
        let breached = seconds < 0
        let minutes = Int((abs(seconds) / 60).rounded(breached ? .down : .up))
        let (unit, count): (String, Int) =
            switch minutes {
            case ..<120: ("minutes", minutes)
            case ..<(48 * 60): ("hours", minutes / 60)
            default: ("days", minutes / (24 * 60))
            }
        let key = breached ? "sla_breached_\(unit)_ago" : "sla_breaches_in_\(unit)"
        text = catalogue.text(key, ["count": String(count)])
        kind = breached ? "breached" : seconds <= Self.soonWindow ? "soon" : "later"
        at = dates.text(breachAt)
    }
}
