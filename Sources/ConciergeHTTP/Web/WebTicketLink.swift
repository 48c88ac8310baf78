import ConciergeDomain

/// A ticket mentioned on a page (in the customer panel, among linked tickets): its number and
/// subject linking to it, and its status as a pill.
struct WebTicketLink {
    let href: String
    let number: Int64
    let subject: String
    let status: String
    let statusKey: String

    init(_ ticket: Ticket, catalogue: WebCatalogue) {
        href = AgentPaths.ticket(ticket.number)
        number = ticket.number
        subject = ticket.subject
        status = catalogue.label(ticket.status)
        statusKey = ticket.status.rawValue
    }
}
