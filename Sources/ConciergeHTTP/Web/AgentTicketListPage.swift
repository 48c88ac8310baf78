import ConciergeCore
import ConciergeDomain
import Foundation

/// What the ticket list page shows: the sidebar of views with counts, the filter bar, one row
/// per ticket and the pager.
struct AgentTicketListPage {
    /// A view in the sidebar; its count is filled in by the page (`/agent/views/counts`).
    struct ViewLink {
        let key: String
        let title: String
        let href: String
        let active: Bool
    }

    struct Row {
        let number: Int64
        let href: String
        let subject: String
        let status: String
        let statusKey: String
        let priority: String
        let priorityKey: String
        let requester: String
        let assignee: String
        let updated: String
        let updatedISO: String
        let sla: SLABadge?
    }

    let views: [ViewLink]
    /// The bulk bar: what the selected tickets can be changed to ("" keeps each as it is).
    let bulkStatusOptions: [WebOption]
    let bulkPriorityOptions: [WebOption]
    let bulkAssigneeOptions: [WebOption]
    /// This list's own address, where the bulk form returns to.
    let back: String
    let allTicketsHref: String
    let allTicketsActive: Bool
    let viewKey: String
    let q: String
    let statusOptions: [WebOption]
    let sortOptions: [WebOption]
    let rows: [Row]
    let isEmpty: Bool
    let nextHref: String?
    let firstHref: String?

    /// Everything the list needs, already fetched.
    struct Input {
        var views: [SavedView]
        var filters: AgentTicketFilters
        var page: TicketPage
        var requesters: [CustomerID: Customer]
        var userNames: [UserID: String]
    }

    init(_ input: Input, viewer: WebViewer, now: Date) {
        let catalogue = viewer.catalogue
        let filters = input.filters
        views = input.views.map { view in
            ViewLink(
                key: view.key, title: view.title, href: AgentTicketFilters(query: nil).href { $0.view = view.key },
                active: view.key == filters.view)
        }
        allTicketsHref = AgentPaths.tickets
        allTicketsActive = filters.view == nil
        viewKey = filters.view ?? ""
        q = filters.text ?? ""
        statusOptions =
            [WebOption(value: "", label: catalogue.text("list_status_any"), selected: filters.status == nil)]
            + TicketStatus.allCases.map {
                WebOption(value: $0.rawValue, label: catalogue.label($0), selected: $0 == filters.status)
            }
        sortOptions = AgentTicketFilters.sortOptions.map { option in
            WebOption(
                value: option.value, label: catalogue.text(option.key),
                selected: option.value == (filters.sort ?? "-updated_at"))
        }
        rows = input.page.tickets.map { ticket in
            let requester = input.requesters[ticket.requesterID]
            return Row(
                number: ticket.number, href: AgentPaths.ticket(ticket.number), subject: ticket.subject,
                status: catalogue.label(ticket.status), statusKey: ticket.status.rawValue,
                priority: catalogue.label(ticket.priority), priorityKey: ticket.priority.rawValue,
                requester: requester.map { $0.name.isEmpty ? ($0.emails.first ?? "") : $0.name } ?? "",
                assignee: ticket.assigneeID.map { input.userNames[$0] ?? "" } ?? catalogue.text("list_unassigned"),
                updated: viewer.dates.text(ticket.updatedAt), updatedISO: viewer.dates.iso(ticket.updatedAt),
                sla: ticket.slaBreachAt.flatMap { breachAt in
                    ticket.status.isUnsolved
                        ? SLABadge(breachAt: breachAt, now: now, catalogue: catalogue, dates: viewer.dates) : nil
                })
        }
        isEmpty = rows.isEmpty
        let keep = WebOption(value: "", label: catalogue.text("bulk_keep"), selected: true)
        bulkStatusOptions =
            [keep]
            + TicketStatus.allCases.map { WebOption(value: $0.rawValue, label: catalogue.label($0), selected: false) }
        bulkPriorityOptions =
            [keep]
            + TicketPriority.allCases.map { WebOption(value: $0.rawValue, label: catalogue.label($0), selected: false) }
        bulkAssigneeOptions =
            [keep, WebOption(value: "none", label: catalogue.text("bulk_unassign"), selected: false)]
            + input.userNames.sorted { $0.value < $1.value }.map {
                WebOption(value: $0.key.description, label: $0.value, selected: false)
            }
        back = filters.href()
        nextHref = input.page.nextCursor.map { cursor in filters.href { $0.cursor = cursor } }
        firstHref = filters.cursor == nil ? nil : filters.href { $0.cursor = nil }
    }
}
