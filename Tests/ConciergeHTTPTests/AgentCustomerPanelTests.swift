import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The customer 360 beside a ticket: a fragment the ticket page loads, escaped like the pages.
@Suite struct AgentCustomerPanelTests {
    @Test func theRequestersPanelShowsTheirOrganizationTicketsAndRatingsEscaped() async throws {
        try await withAPI { platform, client in
            // given a customer of an organization, with two tickets, one of them rated
            let browser = try await AgentBrowser.signIn(platform, client, locale: .en)
            let organization = try await platform.customers.createOrganization(
                OrganizationDraft(name: "Acme <b>Bold</b> Ltd", domains: ["acme.example"]), actor: .system("t"),
                tenant: browser.tenant)
            let first = try await platform.tickets.create(
                NewTicket(
                    subject: "Pump leaks", description: "Hall 2",
                    requester: .contact(email: "wu@acme.example", phone: nil, name: "Wu <i>Engineer</i>")),
                actor: .system("t"), tenant: browser.tenant)
            _ = try await platform.tickets.create(
                NewTicket(
                    subject: "Seal worn", description: "Hall 3",
                    requester: .contact(email: "wu@acme.example", phone: nil, name: "Wu")),
                actor: .system("t"), tenant: browser.tenant)
            // when the ticket page and then its panel are read
            let page = try await browser.get("/agent/tickets/\(first.number)")
            let path = "/agent/customers/\(first.requesterID)/panel"
            #expect(page.body.contains(#"data-panel-url="\#(path)""#))
            let panel = try await browser.get(path)
            // then the panel names the customer and organization as text, and lists both tickets
            #expect(panel.status == .ok)
            #expect(panel.body.contains("Wu &lt;i&gt;Engineer&lt;/i&gt;") && !panel.body.contains("<i>"))
            #expect(panel.body.contains("Acme &lt;b&gt;Bold&lt;/b&gt; Ltd") && organization.domains == ["acme.example"])
            #expect(panel.body.contains("Pump leaks") && panel.body.contains("Seal worn"))
            #expect(panel.body.contains("2 open") && panel.body.contains("No ratings yet"))
            #expect(panel.headers[.contentSecurityPolicy] != nil)
            // and an unknown or foreign customer is not found
            #expect(try await browser.get("/agent/customers/\(UUID())/panel").status == .notFound)
        }
    }
}
