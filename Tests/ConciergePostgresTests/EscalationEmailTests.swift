import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

/// The issue's end-to-end escalation: a ticket breaches its SLA, a trigger escalates it, and
/// the email job it queues is delivered to a real SMTP server, with its delivery recorded.
@Suite struct EscalationEmailTests {
    @Test func aBreachedTicketsEscalationEmailReachesTheMailServer() async throws {
        try await MailCatcher.run { mail in
            try await withTestPlatform(extra: [
                "CONCIERGE_SMTP_HOST": "127.0.0.1", "CONCIERGE_SMTP_PORT": "\(mail.port)",
                "CONCIERGE_SMTP_SECURITY": "plaintext", "CONCIERGE_SMTP_FROM": "support@acme.example",
            ]) { platform in
                // given a one-hour first-reply target and a trigger that emails the supervisor on breach
                let tenant = try await platform.makeTenant().tenant.id
                let decoder = JSONDecoder()
                _ = try await platform.serviceLevels.savePolicy(
                    try decoder.decode(
                        SLAPolicy.self,
                        from: Data(
                            #"{"key":"std","title":{"zh_cn":"标准","en":"Std"},"targets":{"first_reply":{"normal":{"minutes":60,"business_hours":false}}}}"#
                                .utf8)), actor: .system("t"), tenant: tenant)
                _ = try await platform.rules.saveTrigger(
                    try decoder.decode(
                        Trigger.self,
                        from: Data(
                            #"""
                            {"key":"breach-mail","title":{"zh_cn":"超时邮件","en":"Breach mail"},"events":["sla_breach"],
                             "conditions":{"all":[]},
                             "actions":[{"action":"send_email","to":"lead@acme.example",
                                         "subject":"工单 #{{ticket.number}} 已超时","body":"请处理：{{ticket.subject}}"}]}
                            """#.utf8)), actor: .system("t"), tenant: tenant)
                let ticket = try await platform.tickets.create(
                    NewTicket(
                        subject: "设备无法开机", description: "扫码报修",
                        requester: .contact(email: "k@example.cn", phone: nil, name: "客户")),
                    actor: .system("t"), tenant: tenant)
                // when the breach fires and the worker runs the trigger and the email job
                let late = ticket.createdAt.addingTimeInterval(3700)
                let tracker = SLATracker(store: platform.store, now: { late })
                try await tracker.refresh(ticket.id, tenant: tenant)
                #expect(try await tracker.fireDue(tenant: tenant) == 1)
                let history = { () async throws -> [RecordedEvent] in
                    try await platform.store.transaction(tenant) { tx in
                        try await tx.events.history(subjectType: "ticket", subjectID: ticket.id.description)
                    }
                }
                let breach = try #require(try await history().first { $0.event.type == "ticket.sla_breached" })
                try await TriggerRunner(store: platform.store, logger: platform.logger).run(
                    eventID: breach.event.id, tenant: tenant)
                let queued = try #require(try await history().first { $0.event.type == "email.queued" })
                let job = Job(
                    id: queued.event.id.description, name: OutgoingEmail.jobName, tenantID: tenant,
                    payload: String(decoding: try JSONEncoder().encode(queued.event.data), as: UTF8.self))
                let lease = LeasedJob(
                    job: job, queue: OutgoingEmail.queue, attempt: 1, leaseToken: "t", enqueuedAt: .now)
                let handler = try #require(platform.jobHandlers.first { $0.name == OutgoingEmail.jobName })
                let context = JobContext(workerID: "test", logger: platform.logger)
                try await handler.handle(lease, context: context)
                try await handler.handle(lease, context: context)  // a redelivery sends nothing more
                // then the server got exactly one email, in Chinese, automatic, to the supervisor
                let messages = try mail.messages()
                #expect(messages.count == 1)
                #expect(messages.first?.rcptTos == ["lead@acme.example"])
                #expect(messages.first?.subject == "工单 #\(ticket.number) 已超时")
                #expect(messages.first?.header("Auto-Submitted") == "auto-generated")
                #expect(messages.first?.text?.contains("设备无法开机") == true)
                // and the ticket's history records the delivery
                let delivered = try await history().filter { $0.event.type == "email.delivered" }
                #expect(delivered.count == 1)
                #expect(delivered.first?.event.data["to"] == .string("lead@acme.example"))
            }
        }
    }
}
