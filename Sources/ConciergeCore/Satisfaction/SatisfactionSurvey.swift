import ConciergeDomain
import Foundation

/// A satisfaction survey: CSAT (1–5) for a solved ticket, or NPS (0–10) for a customer.
public struct SatisfactionSurvey: Sendable, Equatable {
    /// What is asked.
    public enum Kind: String, Sendable, Codable {
        case csat, nps

        /// The ratings this kind accepts.
        public var ratings: ClosedRange<Int> { self == .csat ? 1...5 : 0...10 }
    }

    public var id: UUID
    public var kind: Kind
    public var ticketID: TicketID?
    public var customerID: CustomerID
    /// The ticket's assignee when it was solved (whose results a CSAT counts toward).
    public var agentID: UserID?
    public var sendAt: Date
    public var expiresAt: Date
    public var sentAt: Date?
    public var answeredAt: Date?
    public var rating: Int?
    public var comment: String?
    public var createdAt: Date

    public init(
        id: UUID = UUID(), kind: Kind, ticketID: TicketID?, customerID: CustomerID, agentID: UserID?, sendAt: Date,
        expiresAt: Date, sentAt: Date? = nil, answeredAt: Date? = nil, rating: Int? = nil, comment: String? = nil,
        createdAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.ticketID = ticketID
        self.customerID = customerID
        self.agentID = agentID
        self.sendAt = sendAt
        self.expiresAt = expiresAt
        self.sentAt = sentAt
        self.answeredAt = answeredAt
        self.rating = rating
        self.comment = comment
        self.createdAt = createdAt
    }
}

/// Satisfaction surveys of the transaction's tenant.
public protocol SatisfactionRepository: Sendable {
    /// Inserts `survey`. - Returns: `false` when the ticket already has a CSAT survey.
    func insert(_ survey: SatisfactionSurvey) async throws -> Bool
    /// Unsent surveys whose time has come, oldest first.
    func due(at date: Date, limit: Int) async throws -> [SatisfactionSurvey]
    /// Records the sending and the digest of the link's secret.
    func markSent(_ id: UUID, digest: [UInt8], at date: Date) async throws
    func find(digest: [UInt8]) async throws -> SatisfactionSurvey?
    /// Records the answer. - Returns: `false` when it was already answered.
    func answer(_ id: UUID, rating: Int, comment: String?, at date: Date) async throws -> Bool
    func surveys(ofTicket ticket: TicketID) async throws -> [SatisfactionSurvey]
    func surveys(ofCustomer customer: CustomerID, limit: Int) async throws -> [SatisfactionSurvey]
    /// Answered surveys of `kind`, optionally for one agent, answered in `from..<to`.
    func answered(kind: SatisfactionSurvey.Kind, agent: UserID?, from: Date?, to: Date?, limit: Int) async throws
        -> [SatisfactionSurvey]
}

/// Cross-tenant lookups of the public survey page and the scheduler.
public protocol SatisfactionDirectory: Sendable {
    /// The tenant of the survey whose link secret has this digest.
    func tenant(ofDigest digest: [UInt8]) async throws -> TenantID?
    /// Tenants with surveys to send.
    func tenantsWithDueSurveys(by date: Date) async throws -> [TenantID]
}
