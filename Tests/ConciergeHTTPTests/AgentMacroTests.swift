import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Macros from the ticket page: picked by their title in the agent's language, applied in one step.
@Suite struct AgentMacroTests {
    @Test func aMacroChangesTheTicketAndRepliesInOneStep() async throws {
        try await withAPI { platform, client in
            // given an active macro and an inactive one, and a ticket
            let browser = try await AgentBrowser.signIn(platform, client)
            _ = try await platform.macros.create(
                Macro(
                    id: MacroID(), key: "waiting-parts", title: LocalizedText(zhCN: "等待备件", en: "Waiting for parts"),
                    actions: [.setStatus(.pending), .setPriority("high")],
                    replyTemplate: "{{requester.name}}，您好：备件已下单，工单 #{{ticket.number}}。"),
                tenant: browser.tenant)
            _ = try await platform.macros.create(
                Macro(
                    id: MacroID(), key: "old", title: LocalizedText(zhCN: "旧宏", en: "Old"),
                    actions: [.setStatus(.open)],
                    active: false), tenant: browser.tenant)
            let ticket = try await platform.tickets.create(
                NewTicket(
                    subject: "备件", description: "缺定影器",
                    requester: .contact(email: "q@example.cn", phone: nil, name: "钱")),
                actor: .system("t"), tenant: browser.tenant)
            // when the ticket page is read, only the active macro is offered, by its Chinese title
            let page = try await browser.get("/agent/tickets/\(ticket.number)")
            #expect(page.body.contains(#"<option value="waiting-parts">等待备件</option>"#) && !page.body.contains("旧宏"))
            // and it is applied
            let applied = try await browser.post("/agent/tickets/\(ticket.number)/macro", ["macro": "waiting-parts"])
            // then the ticket changed and carries the rendered reply, by the agent
            #expect(applied.status == .seeOther && applied.headers[.setCookie]?.contains("macro_applied") == true)
            let after = try await platform.tickets.get(.number(ticket.number), tenant: browser.tenant)
            #expect(after.status == .pending && after.priority == .high)
            let comments = try await platform.conversation.list(
                .id(ticket.id), includeInternal: true, after: nil, limit: 10, tenant: browser.tenant)
            #expect(comments.last?.body == "钱，您好：备件已下单，工单 #\(ticket.number)。")
            #expect(comments.last?.author == .user(browser.user))
            // and an inactive or unknown macro is refused without a change
            let refused = try await browser.post("/agent/tickets/\(ticket.number)/macro", ["macro": "old"])
            #expect(refused.headers[.setCookie]?.contains("refused") == true)
            #expect(try await platform.tickets.get(.number(ticket.number), tenant: browser.tenant).status == .pending)
        }
    }
}
