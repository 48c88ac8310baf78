import ConciergeDomain

/// Everything an agent sees about a customer at a glance (客户 360): the profile, the
/// organization, the devices, recent tickets and how many tickets are in each status.
///
/// Satisfaction history is not part of it yet: no survey results are recorded so far, and
/// the profile leaves out what it cannot fill rather than answering an always-empty list.
public struct CustomerProfile: Sendable {
    public var customer: Customer
    public var organization: Organization?
    /// The customer's assets and the unassigned assets of their organization.
    public var assets: [Asset]
    /// The most recent tickets the customer requested, newest first (at most ``recentTicketLimit``).
    public var recentTickets: [Ticket]
    /// Every status the customer has tickets in, with their number.
    public var ticketCounts: [TicketStatus: Int]

    /// How many recent tickets the profile shows.
    public static let recentTicketLimit = 20
    /// How many assets the profile shows.
    public static let assetLimit = 100

    public init(
        customer: Customer, organization: Organization?, assets: [Asset], recentTickets: [Ticket],
        ticketCounts: [TicketStatus: Int]
    ) {
        self.customer = customer
        self.organization = organization
        self.assets = assets
        self.recentTickets = recentTickets
        self.ticketCounts = ticketCounts
    }
}
