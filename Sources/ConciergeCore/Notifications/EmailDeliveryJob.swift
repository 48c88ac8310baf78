import ConciergeDomain
import Foundation

/// `notification.email`: delivers an email queued by a rule, a survey or a notification
/// (``OutgoingEmail``) and records what happened next to the queued one: `email.delivered`
/// (with the Message-ID and the relay's reply), `email.failed` (permanent: not retried) or
/// `email.undeliverable` (no relay configured). Retryable failures go back to the queue with
/// backoff. Delivery is at least once: a crash between the relay's acceptance and the record
/// can send an email twice; a completed delivery is never repeated.
public struct EmailDeliveryJob: JobHandler {
    public var name: String { OutgoingEmail.jobName }

    let store: any TenantStore
    let tenants: any TenantDirectory
    let sender: any EmailSender
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, tenants: any TenantDirectory, sender: any EmailSender,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.tenants = tenants
        self.sender = sender
        self.now = now
    }

    struct Payload: Decodable {
        var to: String
        var subject: String
        var body: String
        var ticketID: String?
        var source: String
        var automatic: Bool?
        var inReplyTo: String?
        var references: [String]?
        var replyTo: String?

        enum CodingKeys: String, CodingKey {
            case to, subject, body, source, automatic, references
            case ticketID = "ticket_id"
            case inReplyTo = "in_reply_to"
            case replyTo = "reply_to"
        }
    }

    public func handle(_ lease: LeasedJob, context: JobContext) async throws {
        guard let tenant = lease.job.tenantID,
            let payload = try? JSONDecoder().decode(Payload.self, from: Data(lease.job.payload.utf8))
        else { throw JobFailure.permanent("payload is not an email") }
        let jobID = lease.job.id
        let done = try await store.transaction(tenant) { tx in
            try await tx.jobReceipts.contains(jobID: jobID, handler: name)
        }
        guard !done else { return }
        let tenantName = try await tenants.find(id: tenant)?.name ?? "Concierge"
        let outcome = await sender.send(
            EmailToSend(
                to: payload.to, fromName: tenantName, subject: payload.subject, body: payload.body,
                isAutomatic: payload.automatic ?? true,
                threading: EmailThreading(inReplyTo: payload.inReplyTo, references: payload.references ?? []),
                replyTo: payload.replyTo))
        if case .retryable(let reason) = outcome { throw JobFailure.retryable(reason) }
        let at = now()
        try await store.transaction(tenant) { tx in
            guard try await tx.jobReceipts.record(jobID: jobID, handler: name) else { return }
            var data: [String: JSONValue] = [
                "job_id": .string(jobID), "to": .string(payload.to), "source": .string(payload.source),
                "attempt": .number(Double(lease.attempt)),
            ]
            let type: String
            switch outcome {
            case .delivered(let messageID, let reply):
                type = "email.delivered"
                data["message_id"] = .string(messageID)
                data["reply"] = .string(reply)
                // Answers name this id: record it so that they find the ticket.
                let bare = messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
                if let ticket = payload.ticketID.flatMap(TicketID.init), !bare.isEmpty {
                    _ = try await tx.emailMessages.insert(
                        EmailRecord(
                            messageID: bare, direction: .outbound, connectorID: nil, ticketID: ticket,
                            commentID: nil, sender: nil, outcome: "sent", reason: nil, createdAt: at))
                }
            case .permanent(let reason):
                type = "email.failed"
                data["reason"] = .string(reason)
            case .notConfigured:
                type = "email.undeliverable"
                data["reason"] = .string("no mail relay is configured (CONCIERGE_SMTP_HOST)")
            case .retryable:
                return
            }
            let subject = payload.ticketID.flatMap(TicketID.init)
            try await tx.events.append(
                DomainEvent(
                    tenantID: tenant, type: type, subjectType: subject == nil ? "email" : "ticket",
                    subjectID: subject?.description ?? payload.to, actor: .system("email"), data: data, occurredAt: at),
                outbox: [])
        }
    }
}
