import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

/// The email conversation end to end: a customer's mail opens a ticket, the agent's public
/// reply is mailed to the customer (through a real SMTP server) in the same thread, and the
/// customer's answer to that mail — quoting it — lands on the ticket with only the new text.
@Suite(.serialized)
struct PublicReplyMailTests {
    @Test("An agent's public reply is mailed in the thread, and the answer to it threads back")
    func replyRoundTrip() async throws {
        try await MailCatcher.run { mail in
            var extra = ConnectorPipelineTests.extra
            extra["CONCIERGE_SMTP_HOST"] = "127.0.0.1"
            extra["CONCIERGE_SMTP_PORT"] = "\(mail.port)"
            extra["CONCIERGE_SMTP_SECURITY"] = "plaintext"
            extra["CONCIERGE_SMTP_FROM"] = "support@acme.example"
            try await withTestPlatform(extra: extra) { platform in
                // given a ticket opened by a customer's mail, and an agent
                let box = try await EmailIntakeTests.mailbox(platform)
                let tenant = box.tenant
                guard
                    case .created(let ticketID) = try await EmailIntakeTests.receive(
                        EmailIntakeTests.message(id: "c1@example.cn", subject: "网络故障", body: "二楼断网"),
                        platform, box)
                else {
                    Issue.record("no ticket")
                    return
                }
                let agent = try await platform.users.create(
                    .init(email: "li@acme.example", name: "李工", role: .agent), grantedBy: .owner,
                    actor: .system("test"), tenant: tenant)
                // when the agent replies in public and the worker dispatches it and sends the email
                _ = try await platform.conversation.add(
                    TicketConversation.NewComment(body: "已派工程师，下午两点到。", isPublic: true, channel: .web),
                    to: .id(ticketID),
                    author: .user(agent.id), actor: .user(agent.id), tenant: tenant)
                let history = try await platform.store.transaction(tenant) { tx in
                    try await tx.events.history(subjectType: "ticket", subjectID: ticketID.description)
                }
                let added = try #require(history.last { $0.event.type == "ticket.comment_added" })
                let payload =
                    #"{"event_id":"\#(added.event.id)","type":"ticket.comment_added","ticket_id":"\#(ticketID)"}"#
                let context = JobContext(workerID: "test", logger: platform.logger)
                try await EventDispatchJob(store: platform.store, subscribers: [PublicReplyMailer()]).handle(
                    LeasedJob(
                        job: Job(name: EventDispatchJob.jobName, tenantID: tenant, payload: payload), queue: "events",
                        attempt: 1, leaseToken: "t", enqueuedAt: .now), context: context)
                let queued = try await platform.store.transaction(tenant) { tx in
                    try await tx.events.history(subjectType: "ticket", subjectID: ticketID.description)
                }.filter { $0.event.type == "email.queued" }
                #expect(queued.count == 1)
                let email = try #require(queued.first)
                let job = Job(
                    id: email.event.id.description, name: OutgoingEmail.jobName, tenantID: tenant,
                    payload: String(decoding: try JSONEncoder().encode(email.event.data), as: UTF8.self))
                let handler = try #require(platform.jobHandlers.first { $0.name == OutgoingEmail.jobName })
                try await handler.handle(
                    LeasedJob(job: job, queue: OutgoingEmail.queue, attempt: 1, leaseToken: "t", enqueuedAt: .now),
                    context: context)
                // then the customer got one email in the thread of their own, tagged with the ticket
                let sent = try #require(try mail.messages().first)
                let number = try await platform.tickets.get(.id(ticketID), tenant: tenant).number
                #expect(sent.rcptTos == ["wang@example.cn"])
                #expect(sent.subject == "[#\(number)] 网络故障")
                #expect(sent.header("In-Reply-To") == "<c1@example.cn>")
                #expect(sent.header("Auto-Submitted") == nil)
                #expect(sent.header("Reply-To")?.contains("@acme.example") == true)
                #expect(sent.text?.contains("已派工程师") == true)
                #expect(sent.text?.contains(PublicReplyMailer.replyAboveLine) == true)
                let messageID = try #require(sent.header("Message-ID"))
                // when the customer answers that email above the line, quoting it
                let answer = EmailIntakeTests.message(
                    id: "c2@example.cn", subject: "Re: [#\(number)] 网络故障",
                    body: "好的，我在。\r\n\r\n\(PublicReplyMailer.replyAboveLine)\r\n\r\n已派工程师，下午两点到。",
                    headers: ["In-Reply-To: \(messageID)", "References: <c1@example.cn> \(messageID)"])
                let outcome = try await EmailIntakeTests.receive(answer, platform, box)
                // then it is a comment on the same ticket holding only the new text
                guard case .replied(let threaded, _) = outcome else {
                    Issue.record("got \(outcome)")
                    return
                }
                #expect(threaded == ticketID)
                let comments = try await platform.conversation.list(
                    .id(ticketID), includeInternal: true, after: nil, limit: 10, tenant: tenant)
                #expect(comments.last?.body == "好的，我在。")
            }
        }
    }
}
