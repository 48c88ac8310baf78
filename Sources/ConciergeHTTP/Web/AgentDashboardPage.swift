import ConciergeCore
import ConciergeDomain
import Foundation

/// What the supervisor dashboard shows: KPI cards, tickets by channel (pie), created vs
/// solved per day (lines, with the same numbers in a table) and the tickets breaching soon.
struct AgentDashboardPage {
    struct Card {
        let key: String
        let label: String
        let value: String
        let detail: String
    }

    struct DayRow {
        let date: String
        let created: Int
        let solved: Int
    }

    struct BreachRow {
        let number: Int64
        let href: String
        let subject: String
        let status: String
        let statusKey: String
        let priority: String
        let priorityKey: String
        let requester: String
        let assignee: String
        let sla: SLABadge?
    }

    let cards: [Card]
    let asOf: String
    let slices: [DashboardCharts.Slice]
    let hasChannels: Bool
    let lines: DashboardCharts.Lines
    let createdPoints: String
    let solvedPoints: String
    let days: [DayRow]
    let breaching: [BreachRow]
    let hasBreaching: Bool
    let chartWidth = DashboardCharts.Lines.width
    let chartHeight = DashboardCharts.Lines.height
    let plotLeft = DashboardCharts.Lines.left
    let plotRight = DashboardCharts.Lines.width - DashboardCharts.Lines.right

    init(_ report: DashboardReport, userNames: [UserID: String], viewer: WebViewer, now: Date) {
        let catalogue = viewer.catalogue
        let figures = report.figures
        let firstReply = figures.firstReplyToday
        let csat = figures.satisfactionThisMonth
        let none = catalogue.text("dashboard_none")
        cards = [
            Card(
                key: "backlog", label: catalogue.text("dashboard_backlog"), value: String(figures.openBacklog),
                detail: [TicketStatus.new, .open, .pending, .onHold]
                    .map { "\(catalogue.label($0)) \(figures.backlog[$0] ?? 0)" }.joined(separator: " · ")),
            Card(
                key: "new_today", label: catalogue.text("dashboard_new_today"), value: String(figures.createdToday),
                detail: catalogue.text(
                    "dashboard_solved_today", ["count": String(figures.days.last?.solved ?? 0)])),
            Card(
                key: "first_reply", label: catalogue.text("dashboard_first_reply"),
                value: firstReply.metPercent.map { "\($0)%" } ?? none,
                detail: catalogue.text(
                    "dashboard_met_missed", ["met": String(firstReply.met), "missed": String(firstReply.missed)])),
            Card(
                key: "csat", label: catalogue.text("dashboard_csat"),
                value: csat.satisfiedPercent.map { "\($0)%" } ?? none,
                detail: catalogue.text(
                    "dashboard_csat_detail",
                    [
                        "count": String(csat.answered),
                        "average": csat.average.map { String(format: "%.2f", $0) } ?? none,
                    ])),
        ]
        asOf = catalogue.text("dashboard_as_of", ["time": viewer.dates.text(figures.computedAt)])
        slices = DashboardCharts.Pie.slices(
            figures.channels.map { volume in
                (TicketChannel(rawValue: volume.channel).map(catalogue.label) ?? volume.channel, volume.count)
            })
        hasChannels = !slices.isEmpty
        let labels = figures.days.map { String(format: "%d/%d", $0.day.month, $0.day.dayOfMonth) }
        lines = DashboardCharts.Lines(
            values: [figures.days.map(\.created), figures.days.map(\.solved)], days: labels)
        createdPoints = lines.series[0]
        solvedPoints = lines.series[1]
        days = figures.days.reversed().map { DayRow(date: $0.day.key, created: $0.created, solved: $0.solved) }
        breaching = report.breaching.map { ticket in
            BreachRow(
                number: ticket.number, href: AgentPaths.ticket(ticket.number), subject: ticket.subject,
                status: catalogue.label(ticket.status), statusKey: ticket.status.rawValue,
                priority: catalogue.label(ticket.priority), priorityKey: ticket.priority.rawValue,
                requester: report.requesters[ticket.requesterID]?.name ?? "",
                assignee: ticket.assigneeID.flatMap { userNames[$0] } ?? catalogue.text("list_unassigned"),
                sla: ticket.slaBreachAt.map {
                    SLABadge(breachAt: $0, now: now, catalogue: catalogue, dates: viewer.dates)
                })
        }
        hasBreaching = !breaching.isEmpty
    }
}
