import ConciergeDomain
import Foundation

/// Emails an agent's public reply to the ticket's requester, the way a helpdesk answers mail:
/// subject `[#1234] <subject>`, the ticket's earlier messages in `In-Reply-To`/`References`
/// (so mail readers thread it and the answer finds the ticket), and a line above which the
/// customer writes (the intake keeps only what is above it). The email is queued in the
/// dispatch's transaction (``OutgoingEmail``); its Message-ID is recorded once the relay takes
/// it. Internal notes, customers' own comments and rule notes are never mailed.
public struct PublicReplyMailer: EventSubscriber {
    public let name = "public-replies"
    /// The line above which customers answer (the intake's reply extractor knows it).
    public static let replyAboveLine = "##- 请在此线以上回复 / Please reply above this line -##"
    /// What introduces the link to the request on the customer portal.
    public static let portalLine = "在线查看和回复 / View and reply online:"
    /// How many earlier Message-IDs go into `References`.
    static let referenceLimit = 20

    /// The public base URL (`CONCIERGE_PUBLIC_URL`): when given, the email ends with the
    /// request's page on the tenant's customer portal.
    let publicURL: String?

    public init(publicURL: String? = nil) {
        self.publicURL = publicURL
    }

    public func wants(_ eventType: String) -> Bool { eventType == "ticket.comment_added" }

    public func receive(_ dispatch: EventDispatch) async throws -> EventAftermath? {
        guard let data = dispatch.recorded?.event.data, data["public"] == .bool(true),
            data["author"] == .string("agent"), let commentID = data["comment_id"]?.stringValue.flatMap(CommentID.init),
            let ticketID = dispatch.ticketID
        else { return nil }
        let tx = dispatch.tx
        guard let ticket = try await tx.tickets.find(id: ticketID), ticket.status != .closed,
            let comment = try await tx.comments.find(id: commentID),
            let address = try await tx.customers.find(id: ticket.requesterID)?.emails.first
        else { return nil }
        var signature = ""
        if case .user(let agent) = comment.author, let user = try await tx.users.find(id: agent) {
            signature = "\n\n— \(user.name)"
        }
        var portal = ""
        if let publicURL, let tenant = try await tx.tenant(), ticket.parentID == nil {
            let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
            portal = "\n\n\(Self.portalLine) \(base)/portal/\(tenant.slug)/requests/\(ticket.number)"
        }
        let ids = try await tx.emailMessages.messageIDs(of: ticket.id, limit: Self.referenceLimit)
        try await OutgoingEmail.queue(
            to: address, subject: "[#\(ticket.number)] \(ticket.subject)",
            body: "\(Self.replyAboveLine)\n\n\(comment.body)\(signature)\(portal)", ticketID: ticket.id,
            tenant: dispatch.tenantID, source: "reply:\(comment.id)", tx: tx, at: dispatch.at, automatic: false,
            threading: EmailThreading(inReplyTo: ids.last, references: ids),
            replyTo: try await Self.mailboxAddress(for: ticket.id, tx: tx))
        return nil
    }

    /// The address answers go to: the mailbox the ticket's mail came through, else the tenant's
    /// first enabled mailbox; `nil` (the sender address) when it has none.
    static func mailboxAddress(for ticket: TicketID, tx: any TenantTransaction) async throws -> String? {
        if let id = try await tx.emailMessages.latestMailbox(of: ticket),
            let stored = try await tx.connectors.find(id: id),
            stored.connector.enabled, let settings = MailboxSettings(stored.connector)
        {
            return settings.address
        }
        return try await tx.connectors.list().lazy.filter(\.connector.enabled)
            .compactMap { MailboxSettings($0.connector)?.address }.first
    }
}
