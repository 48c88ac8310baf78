import ConciergeDomain

/// Everything an agent sees about a customer at a glance (客户 360): the profile, the
/// organization, the devices, recent tickets, how many tickets are in each status, and the
/// customer's satisfaction history (CSAT and NPS surveys, newest first).
public struct CustomerProfile: Sendable {
    public var customer: Customer
    public var organization: Organization?
    /// The customer's assets and the unassigned assets of their organization.
    public var assets: [Asset]
    /// The most recent tickets the customer requested, newest first (at most ``recentTicketLimit``).
    public var recentTickets: [Ticket]
    /// Every status the customer has tickets in, with their number.
    public var ticketCounts: [TicketStatus: Int]
    /// The customer's surveys, newest first (at most ``surveyLimit``), answered or not.
    public var satisfaction: [SatisfactionSurvey] = []
    /// Contracts of the customer or its organization pulled from a CRM, latest ending first
    /// (at most ``contractLimit``).
    public var contracts: [Contract] = []

    /// How many recent tickets the profile shows.
    public static let recentTicketLimit = 20
    /// How many assets the profile shows.
    public static let assetLimit = 100
    /// How many surveys the profile shows.
    public static let surveyLimit = 20
    /// How many contracts the profile shows.
    public static let contractLimit = 20

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
