import ConciergeDomain
import Foundation

/// Queues an email for the worker's `notification.email` job, in the caller's transaction:
/// an `email.queued` event (the delivery's record) and its outbox row commit with the change
/// that caused the email, so an email is never lost nor sent for a change that rolled back.
public enum OutgoingEmail {
    /// The queue and job that deliver emails.
    public static let queue = "notifications"
    public static let jobName = "notification.email"

    /// Queues one email to `address`.
    /// - Parameters:
    ///   - automatic: a machine's email (rules, surveys: `Auto-Submitted`), not a person's reply.
    ///   - threading: the ticket's earlier messages, for replies.
    ///   - replyTo: where answers go (the tenant's mailbox address).
    ///   - recordedBody: what the `email.queued` event keeps instead of `body`, for an email that
    ///     carries a credential (a sign-in link): the job that sends it has the body, and the
    ///     history, which lives on, never does.
    static func queue(
        to address: String, subject: String, body: String, ticketID: TicketID?, tenant: TenantID, source: String,
        tx: any TenantTransaction, at date: Date, automatic: Bool = true, threading: EmailThreading = EmailThreading(),
        replyTo: String? = nil, recordedBody: String? = nil
    ) async throws {
        var payload: [String: JSONValue] = [
            "to": .string(address), "subject": .string(subject), "body": .string(body),
            "ticket_id": ticketID.map { .string($0.description) } ?? .null, "source": .string(source),
        ]
        if !automatic { payload["automatic"] = .bool(false) }
        if let replyTo { payload["reply_to"] = .string(replyTo) }
        if let inReplyTo = threading.inReplyTo { payload["in_reply_to"] = .string(inReplyTo) }
        if !threading.references.isEmpty { payload["references"] = .array(threading.references.map(JSONValue.string)) }
        var recorded = payload
        if let recordedBody { recorded["body"] = .string(recordedBody) }
        let event = DomainEvent(
            tenantID: tenant, type: "email.queued", subjectType: ticketID == nil ? "email" : "ticket",
            subjectID: ticketID?.description ?? address, actor: .system(source), data: recorded, occurredAt: date)
        let job = Job(
            id: event.id.description, name: jobName, tenantID: tenant,
            payload: String(decoding: try JSONEncoder().encode(payload), as: UTF8.self))
        try await tx.events.append(event, outbox: [OutboxMessage(queue: queue, job: job)])
    }
}
