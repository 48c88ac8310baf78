import ConciergeDomain
import Foundation

extension EmailIntake {
    /// Writes the reply or the new ticket with the message's record and its attachments.
    func write(
        _ mail: InboundMail, messageID: String, sender: String, target: TicketID?, settings: MailboxSettings,
        mailbox: ConnectorID, files: IntakeFiles.Saved, tenant: TenantID, at: Date
    ) async throws -> EmailIntakeOutcome {
        let name = mail.fromName.flatMap { try? Validate.displayName($0, field: "from") }
        let reason = files.refused.isEmpty ? nil : "attachments not kept: " + files.refused.joined(separator: "; ")
        @Sendable func record(_ outcome: String, ticket: TicketID, comment: CommentID?, tx: any TenantTransaction)
            async throws
        {
            let inserted = try await tx.emailMessages.insert(
                EmailRecord(
                    messageID: messageID, direction: .inbound, connectorID: mailbox, ticketID: ticket,
                    commentID: comment, sender: sender, outcome: outcome, reason: reason, createdAt: at))
            guard inserted else { throw IntakeRace.alreadyRecorded }
            try await IntakeFiles.insert(files, ticket: ticket, comment: comment, by: Self.actor, tx: tx, at: at)
        }
        if let target {
            let replied = try await store.transaction(tenant) { tx -> EmailIntakeOutcome? in
                guard let ticket = try await tx.tickets.lock(id: target), ticket.status != .closed else { return nil }
                let author = try await Self.author(sender, name: name, tx: tx, at: at)
                let comment = try await conversation.add(
                    body: IntakeFiles.body(mail.replyText.isEmpty ? mail.text : mail.replyText), isPublic: true,
                    channel: .email, to: ticket, author: author, actor: Self.actor, tx: tx, at: at)
                try await record("replied", ticket: ticket.id, comment: comment.id, tx: tx)
                return .replied(ticket.id, comment.id)
            }
            if let replied { return replied }
        }
        let new = NewTicket(
            subject: mail.subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? "(no subject)" : String(mail.subject.prefix(500)),
            description: IntakeFiles.body(mail.text), requester: .contact(email: sender, phone: nil, name: name),
            channel: .email, groupID: settings.groupID, tags: target == nil ? [] : ["follow_up"])
        let ticket = try await desk.create(new, actor: Self.actor, tenant: tenant) { tx, ticket in
            try await record(target == nil ? "created" : "follow_up", ticket: ticket.id, comment: nil, tx: tx)
        }
        return .created(ticket.id)
    }

    /// The comment's author: the agent with the sender's address, else the customer (matched or
    /// created by address, as on every channel).
    static func author(_ sender: String, name: String?, tx: any TenantTransaction, at: Date) async throws
        -> CommentAuthor
    {
        if let user = try await tx.users.find(email: sender), user.status != .deactivated { return .user(user.id) }
        let customer = try await RequesterResolution(tx: tx, now: at).resolve(
            .contact(email: sender, phone: nil, name: name))
        return .customer(customer.id)
    }
}
