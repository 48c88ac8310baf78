import Foundation

/// A Concierge ticket as a CRM sees it: what is pushed as a Case, Task, ticket or note.
public struct TicketSummaryPayload: Sendable, Equatable {
    /// The ticket's number, e.g. `T-2024-00017`; also the idempotency reference where the vendor has one.
    public var ticketNumber: String
    /// The subject line.
    public var subject: String
    /// A plain-text summary (last messages, resolution).
    public var summary: String
    /// Concierge's status, e.g. `open`, `resolved`.
    public var status: String
    /// Concierge's priority, e.g. `normal`, `urgent`.
    public var priority: String
    /// The customer's id in this CRM, when the ticket's customer was synced from it.
    public var customerExternalID: String?
    /// The organization's id in this CRM.
    public var organizationExternalID: String?
    /// A link to the ticket in Concierge.
    public var url: String?
    /// When the ticket was opened.
    public var openedAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a payload.
    public init(
        ticketNumber: String, subject: String, summary: String, status: String, priority: String,
        customerExternalID: String? = nil, organizationExternalID: String? = nil, url: String? = nil,
        openedAt: Date, updatedAt: Date
    ) {
        self.ticketNumber = ticketNumber
        self.subject = subject
        self.summary = summary
        self.status = status
        self.priority = priority
        self.customerExternalID = customerExternalID
        self.organizationExternalID = organizationExternalID
        self.url = url
        self.openedAt = openedAt
        self.updatedAt = updatedAt
    }

    /// The values a ``JSONTemplate`` can use: `ticket.number`, `ticket.subject`, `ticket.summary`,
    /// `ticket.status`, `ticket.priority`, `ticket.customer_external_id`,
    /// `ticket.organization_external_id`, `ticket.url` (null when absent), `ticket.opened_at`,
    /// `ticket.updated_at` (ISO 8601 UTC) and `ticket.updated_at_ms` (epoch milliseconds).
    public var templateValues: [String: FieldValue] {
        [
            "ticket.number": .string(ticketNumber), "ticket.subject": .string(subject),
            "ticket.summary": .string(summary), "ticket.status": .string(status),
            "ticket.priority": .string(priority),
            "ticket.customer_external_id": customerExternalID.map(FieldValue.string) ?? .null,
            "ticket.organization_external_id": organizationExternalID.map(FieldValue.string) ?? .null,
            "ticket.url": url.map(FieldValue.string) ?? .null, "ticket.opened_at": .date(openedAt),
            "ticket.updated_at": .date(updatedAt),
            "ticket.updated_at_ms": .number((updatedAt.timeIntervalSince1970 * 1000).rounded(.down)),
        ]
    }

    /// The names ``templateValues`` offers, for ``JSONTemplate/validate(names:)``.
    public static let templateNames: Set<String> = [
        "ticket.number", "ticket.subject", "ticket.summary", "ticket.status", "ticket.priority",
        "ticket.customer_external_id", "ticket.organization_external_id", "ticket.url", "ticket.opened_at",
        "ticket.updated_at", "ticket.updated_at_ms",
    ]
}
