import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The ticket page's custom fields (read as people read them) and its linked tickets.
@Suite struct AgentTicketRelationsTests {
    @Test func customFieldsAndLinkedTicketsAreShown() async throws {
        try await withAPI { platform, client in
            // given a dropdown and an internal text field, a ticket using both, its child and a related ticket
            let browser = try await AgentBrowser.signIn(platform, client)
            _ = try await platform.fields.create(
                CustomFieldDefinition(
                    id: CustomFieldID(), key: "fault", labels: LocalizedText(zhCN: "故障类型", en: "Fault"),
                    type: .dropdown, visibility: .customer,
                    options: [CustomFieldOption(value: "jam", labels: LocalizedText(zhCN: "卡纸", en: "Paper jam"))]),
                actor: .system("t"), tenant: browser.tenant)
            _ = try await platform.fields.create(
                CustomFieldDefinition(
                    id: CustomFieldID(), key: "cost_center", labels: LocalizedText(zhCN: "成本中心", en: "Cost centre"),
                    type: .text, visibility: .internal, position: 1),
                actor: .system("t"), tenant: browser.tenant)
            let requester = NewTicket.Requester.contact(email: "r@example.cn", phone: nil, name: "任")
            let parent = try await platform.tickets.create(
                NewTicket(
                    subject: "打印机", description: "卡纸", requester: requester,
                    customFields: ["fault": .string("jam"), "cost_center": .string("CC-<7>")]),
                actor: .system("t"), tenant: browser.tenant)
            let child = try await platform.tickets.create(
                NewTicket(subject: "派工程师", description: "上门", requester: requester, parentID: parent.id),
                actor: .system("t"), tenant: browser.tenant)
            let other = try await platform.tickets.create(
                NewTicket(subject: "同型号", description: "也卡纸", requester: requester),
                actor: .system("t"), tenant: browser.tenant)
            try await platform.tickets.relate(
                .id(parent.id), to: .id(other.id), actor: .system("t"), tenant: browser.tenant)

            // when the parent's page and the child's page are read
            let page = try await browser.get("/agent/tickets/\(parent.number)")
            let childPage = try await browser.get("/agent/tickets/\(child.number)")

            // then the fields read as labels and values (the option's label, the text escaped,
            // the internal one marked), and each page links the others
            #expect(page.body.contains("故障类型") && page.body.contains(#"data-testid="custom-field">卡纸<"#))
            #expect(page.body.contains("成本中心 <span class=\"tag tag--internal\">"))
            #expect(page.body.contains("CC-&lt;7&gt;"))
            #expect(page.body.contains("href=\"/agent/tickets/\(child.number)\">#\(child.number) 派工程师"))
            #expect(page.body.contains("href=\"/agent/tickets/\(other.number)\">#\(other.number) 同型号"))
            #expect(childPage.body.contains("href=\"/agent/tickets/\(parent.number)\">#\(parent.number) 打印机"))
        }
    }
}
