import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The list's bulk bar: one change for every ticked ticket, each in its own transaction.
@Suite struct AgentBulkActionTests {
    @Test func tickedTicketsTakeTheChangeAndTheListComesBack() async throws {
        try await withAPI { platform, client in
            // given three tickets, one of them closed
            let browser = try await AgentBrowser.signIn(platform, client)
            var numbers: [Int64] = []
            for subject in ["一号", "二号", "三号"] {
                let ticket = try await platform.tickets.create(
                    NewTicket(
                        subject: subject, description: "批量",
                        requester: .contact(email: "a@example.cn", phone: nil, name: "甲")),
                    actor: .system("t"), tenant: browser.tenant)
                numbers.append(ticket.number)
            }
            for status in [TicketStatus.solved, .closed] {
                var change = TicketChange()
                change.status = status
                _ = try await platform.tickets.update(
                    .number(numbers[2]), change, expectedVersion: nil, actor: .system("t"), tenant: browser.tenant)
            }
            let list = try await browser.get("/agent/tickets?status=new")
            #expect(list.body.contains(#"data-testid="bulk-select""#))

            // when the first two are ticked and set to pending, assigned to the agent
            let done = try await browser.post(
                "/agent/tickets/bulk",
                pairs: [
                    ("ticket", "\(numbers[0])"), ("ticket", "\(numbers[1])"), ("status", "pending"),
                    ("priority", ""), ("assignee_id", browser.user.description), ("back", "/agent/tickets?status=new"),
                ])

            // then both changed, and the agent is back on the list they came from
            #expect(done.status == .seeOther && done.headers[.location] == "/agent/tickets?status=new")
            #expect(done.headers[.setCookie]?.contains("bulk_updated") == true)
            for number in numbers.prefix(2) {
                let ticket = try await platform.tickets.get(.number(number), tenant: browser.tenant)
                #expect(ticket.status == .pending && ticket.assigneeID == browser.user && ticket.priority == .normal)
            }
            // and a closed ticket among them makes the message say some could not be changed
            let partly = try await browser.post(
                "/agent/tickets/bulk",
                pairs: [("ticket", "\(numbers[1])"), ("ticket", "\(numbers[2])"), ("priority", "high")])
            #expect(partly.headers[.setCookie]?.contains("bulk_partly") == true)
            #expect(try await platform.tickets.get(.number(numbers[1]), tenant: browser.tenant).priority == .high)
            // and nothing ticked, a foreign return address, or no token change nothing
            let empty = try await browser.post(
                "/agent/tickets/bulk", pairs: [("status", "open"), ("back", "https://evil.example/")])
            #expect(empty.headers[.location] == "/agent/tickets")
            #expect(empty.headers[.setCookie]?.contains("nothing_selected") == true)
            let forged = try await browser.post(
                "/agent/tickets/bulk", ["ticket": "\(numbers[0])", "status": "open"], withToken: false)
            #expect(forged.status == .forbidden)
            #expect(try await platform.tickets.get(.number(numbers[0]), tenant: browser.tenant).status == .pending)
        }
    }
}
