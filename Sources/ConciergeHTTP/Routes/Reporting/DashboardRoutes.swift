import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `GET /api/v1/dashboard`: the supervisor dashboard's figures as JSON (`reports:read`).
struct DashboardRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("dashboard", requires: .reportsRead) { _, context in
            let tenant = try await services.tenants.current(context.identity)
            let report = try await DashboardReport.load(tenant: tenant, services: services)
            return DashboardRepresentation(report)
        }
    }
}

/// The dashboard as the API shows it.
struct DashboardRepresentation: ResponseEncodable {
    struct Backlog: Encodable {
        var total: Int
        var new: Int
        var open: Int
        var pending: Int
        var onHold: Int
    }

    struct FirstReply: Encodable {
        var met: Int
        var missed: Int
        var metPercent: Int?
    }

    struct Satisfaction: Encodable {
        var answered: Int
        var satisfied: Int
        var satisfiedPercent: Int?
        var average: Double?
    }

    struct Channel: Encodable {
        var channel: String
        var count: Int
    }

    struct Day: Encodable {
        var date: String
        var created: Int
        var solved: Int
    }

    var computedAt: Date
    var timeZone: String
    var backlog: Backlog
    var createdToday: Int
    var firstReplyToday: FirstReply
    var satisfactionThisMonth: Satisfaction
    /// Tickets created per channel in the last 30 days, largest first.
    var channels: [Channel]
    var days: [Day]
    var breachingSoon: [TicketRepresentation]

    init(_ report: DashboardReport) {
        let figures = report.figures
        computedAt = figures.computedAt
        timeZone = report.timeZone.identifier
        backlog = Backlog(
            total: figures.openBacklog, new: figures.backlog[.new] ?? 0, open: figures.backlog[.open] ?? 0,
            pending: figures.backlog[.pending] ?? 0, onHold: figures.backlog[.onHold] ?? 0)
        createdToday = figures.createdToday
        firstReplyToday = FirstReply(
            met: figures.firstReplyToday.met, missed: figures.firstReplyToday.missed,
            metPercent: figures.firstReplyToday.metPercent)
        let csat = figures.satisfactionThisMonth
        satisfactionThisMonth = Satisfaction(
            answered: csat.answered, satisfied: csat.satisfied, satisfiedPercent: csat.satisfiedPercent,
            average: csat.average.map { ($0 * 100).rounded() / 100 })
        channels = figures.channels.map { Channel(channel: $0.channel, count: $0.count) }
        days = figures.days.map { Day(date: $0.day.key, created: $0.created, solved: $0.solved) }
        breachingSoon = report.breaching.map { TicketRepresentation($0, requester: report.requesters[$0.requesterID]) }
    }
}
