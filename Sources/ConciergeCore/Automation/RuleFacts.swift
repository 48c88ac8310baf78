import ConciergeDomain
import Foundation

/// Gathers what rule conditions and templates read about a ticket: its requester and
/// organization, the comment and SLA metric of the event, the ticket before the event's
/// changes, and (only when a rule reads it) whether now is within business hours.
struct RuleFacts {
    let tx: any TenantTransaction

    func requester(of ticket: Ticket) async throws -> RequesterFacts {
        guard let customer = try await tx.customers.find(id: ticket.requesterID) else {
            return RequesterFacts(name: "")
        }
        return RequesterFacts(
            name: customer.name, email: customer.emails.first, tier: customer.tier, tags: customer.tags,
            locale: customer.locale?.rawValue)
    }

    func organization(of ticket: Ticket) async throws -> OrganizationFacts? {
        guard let id = ticket.organizationID, let organization = try await tx.organizations.find(id: id) else {
            return nil
        }
        return OrganizationFacts(name: organization.name, tier: organization.tier)
    }

    func comment(of event: DomainEvent) async throws -> CommentFacts? {
        guard let id = event.data["comment_id"]?.stringValue.flatMap(CommentID.init),
            let comment = try await tx.comments.find(id: id)
        else { return nil }
        let author: CommentFacts.AuthorKind =
            switch comment.author {
            case .user: .agent
            case .customer: .customer
            case .system: .system
            }
        return CommentFacts(body: comment.body, isPublic: comment.isPublic, author: author)
    }

    /// The tenant's `default` calendar, around the clock when it has none.
    func calendar() async throws -> BusinessCalendar {
        try await tx.serviceLevels.calendars()["default"] ?? .alwaysOpen
    }

    func withinBusinessHours(at date: Date) async throws -> Bool {
        try await calendar().isBusinessTime(date)
    }

    /// The ticket as it was before `event`'s recorded changes (for "changed" conditions).
    static func previous(_ ticket: Ticket, undoing event: DomainEvent) -> Ticket? {
        guard case .object(let changes)? = event.data["changes"] else { return nil }
        var before = ticket
        for (field, pair) in changes {
            guard case .array(let values) = pair, values.count == 2 else { continue }
            let old = values[0]
            switch field {
            case "status": before.status = old.stringValue.flatMap(TicketStatus.init(rawValue:)) ?? before.status
            case "priority":
                before.priority = old.stringValue.flatMap(TicketPriority.init(rawValue:)) ?? before.priority
            case "type": before.type = old.stringValue.flatMap(TicketType.init(rawValue:)) ?? before.type
            case "group_id": before.groupID = old.stringValue.flatMap(GroupID.init)
            case "assignee_id": before.assigneeID = old.stringValue.flatMap(UserID.init)
            case "subject": before.subject = old.stringValue ?? before.subject
            case "tags":
                if case .array(let tags) = old { before.tags = tags.compactMap(\.stringValue) }
            default: continue
            }
        }
        return before
    }
}
