import ConciergeDomain
import Foundation

/// Counts over one tenant's tickets, SLA targets and surveys for reports. Buckets are given as
/// ascending instants `b0 < b1 < … < bn`; bucket `i` (1-based) is `[b(i-1), b(i))`, so day
/// boundaries are computed once, in the tenant's time zone, by ``ReportingCalendar``.
public protocol ReportingRepository: Sendable {
    /// Unsolved tickets (new, open, pending, on hold) by status.
    func unsolvedBacklog() async throws -> [TicketStatus: Int]
    /// Tickets created in each bucket, per channel: `[bucket: [channel: count]]`.
    func createdPerBucket(bounds: [Date]) async throws -> [Int: [String: Int]]
    /// Tickets whose solve time falls in each bucket: `[bucket: count]`.
    func solvedPerBucket(bounds: [Date]) async throws -> [Int: Int]
    /// First-reply targets decided in `[start, end)`, `end` being no later than now: met when
    /// fulfilled then without a breach; missed when they breached then (a target past due that
    /// the SLA clock has not re-evaluated yet counts as missed at its deadline).
    func firstReplyOutcomes(from start: Date, to end: Date) async throws -> SLAOutcomeTally
    /// CSAT answers given in `[start, end)`.
    func satisfaction(from start: Date, to end: Date) async throws -> SatisfactionTally
}
