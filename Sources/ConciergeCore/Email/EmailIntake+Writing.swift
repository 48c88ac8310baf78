import ConciergeDomain
import Crypto
import Foundation

extension EmailIntake {
    /// Attachments whose bytes are in storage, and the ones the policy refused.
    struct Files: Sendable {
        var stored: [StoredFile] = []
        /// `name: reason` of each refused file.
        var refused: [String] = []
    }

    /// One attachment's bytes in storage, waiting for its row.
    struct StoredFile: Sendable {
        var id: AttachmentID
        var key: String
        var filename: String
        var contentType: String
        var size: Int64
        var sha256: String
    }

    /// At most this many attachments of one message are kept.
    static let maxAttachments = 50

    /// Puts the accepted attachments' bytes into storage (before any row refers to them).
    func storeAttachments(_ attachments: [InboundMailAttachment], tenant: TenantID) async throws -> Files {
        try await Self.storeAttachments(attachments, tenant: tenant, storage: storage, policy: policy)
    }

    /// ``storeAttachments(_:tenant:)`` for any intake (the web form's files too).
    static func storeAttachments(
        _ attachments: [InboundMailAttachment], tenant: TenantID, storage: any AttachmentStorage,
        policy: AttachmentPolicy
    ) async throws -> Files {
        var files = Files()
        for (index, attachment) in attachments.enumerated() {
            let filename = attachment.filename.isEmpty ? "attachment-\(index + 1)" : attachment.filename
            guard index < Self.maxAttachments else {
                files.refused.append("\(filename): more than \(Self.maxAttachments) attachments")
                continue
            }
            let name: String
            let type: String
            do throws(ValidationError) {
                (name, type) = try policy.validate(
                    filename: filename, contentType: attachment.contentType, bytes: attachment.bytes)
            } catch {
                files.refused.append("\(filename): \(error.message)")
                continue
            }
            let id = AttachmentID()
            let key = "\(tenant)/\(id)"
            try await storage.put(attachment.bytes, key: key)
            files.stored.append(
                StoredFile(
                    id: id, key: key, filename: name, contentType: type, size: Int64(attachment.bytes.count),
                    sha256: SHA256.hash(data: attachment.bytes).map { String(format: "%02x", $0) }.joined()))
        }
        return files
    }

    /// Writes the reply or the new ticket with the message's record and its attachments.
    func write(
        _ mail: InboundMail, messageID: String, sender: String, target: TicketID?, settings: MailboxSettings,
        mailbox: ConnectorID, files: Files, tenant: TenantID, at: Date
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
            try await Self.insertAttachments(files, ticket: ticket, comment: comment, tx: tx, at: at)
        }
        if let target {
            let replied = try await store.transaction(tenant) { tx -> EmailIntakeOutcome? in
                guard let ticket = try await tx.tickets.lock(id: target), ticket.status != .closed else { return nil }
                let author = try await Self.author(sender, name: name, tx: tx, at: at)
                let comment = try await conversation.add(
                    body: Self.body(mail.replyText.isEmpty ? mail.text : mail.replyText), isPublic: true,
                    channel: .email, to: ticket, author: author, actor: Self.actor, tx: tx, at: at)
                try await record("replied", ticket: ticket.id, comment: comment.id, tx: tx)
                return .replied(ticket.id, comment.id)
            }
            if let replied { return replied }
        }
        let new = NewTicket(
            subject: mail.subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? "(no subject)" : String(mail.subject.prefix(500)),
            description: Self.body(mail.text), requester: .contact(email: sender, phone: nil, name: name),
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

    /// A body comments accept: trimmed, not empty, within the length limit.
    static func body(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let limited = String(trimmed.prefix(Comment.maxBodyLength))
        return limited.isEmpty ? "(no text)" : limited
    }

    static func insertAttachments(
        _ files: Files, ticket: TicketID, comment: CommentID?, tx: any TenantTransaction, at: Date
    ) async throws {
        for file in files.stored {
            try await tx.attachments.insert(
                Attachment(
                    id: file.id, tenantID: tx.tenantID, ticketID: ticket, commentID: comment, filename: file.filename,
                    contentType: file.contentType, sizeBytes: file.size, sha256: file.sha256, storageKey: file.key,
                    uploadedBy: actor, createdAt: at))
        }
    }
}
