import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import ConciergeHTTP

/// The supervisor dashboard: the page and `GET /api/v1/dashboard`, for those who may read reports.
@Suite struct SupervisorDashboardPageTests {
    static func ticket(_ platform: Platform, _ tenant: TenantID, _ subject: String, channel: TicketChannel)
        async throws -> Ticket
    {
        try await platform.tickets.create(
            NewTicket(
                subject: subject, description: "…",
                requester: .contact(email: "wu@acme.example", phone: nil, name: "Wu"), channel: channel),
            actor: .system("t"), tenant: tenant)
    }

    @Test func aSupervisorSeesTodaysFiguresChartsAndTheTicketsBreachingSoon() async throws {
        try await withAPI { platform, client in
            // given a supervisor's tenant with three tickets today, the phone one due a first reply
            // within 20 minutes
            let browser = try await AgentBrowser.signIn(platform, client, locale: .en, role: .supervisor)
            let policy =
                #"{"key":"phone","title":{"zh_cn":"电话","en":"Phone"},"conditions":{"channels":["phone"]},"targets":{"first_reply":{"normal":{"minutes":20,"business_hours":false}}}}"#
            _ = try await platform.serviceLevels.savePolicy(
                try JSONDecoder().decode(SLAPolicy.self, from: Data(policy.utf8)), actor: .system("t"),
                tenant: browser.tenant)
            _ = try await Self.ticket(platform, browser.tenant, "Pump leaks", channel: .email)
            _ = try await Self.ticket(platform, browser.tenant, "Seal worn", channel: .email)
            let urgent = try await Self.ticket(platform, browser.tenant, "<script>alert(1)</script>", channel: .phone)
            try await platform.slaTracker.refresh(urgent.id, tenant: browser.tenant)
            // when the dashboard is opened
            let page = try await browser.get("/agent/dashboard")
            // then the cards, both charts and the breaching ticket are there, escaped
            #expect(page.status == .ok)
            #expect(page.body.contains(#"data-testid="kpi-backlog""#) && page.body.contains(#"data-testid="kpi-csat""#))
            #expect(page.body.contains(#"<p class="kpi-value" data-testid="kpi-value">3</p>"#))
            #expect(page.body.contains("Email <strong>2</strong>") && page.body.contains("Phone <strong>1</strong>"))
            #expect(page.body.contains("66.7%") && page.body.contains("<path d=\"M100.0 100.0"))
            #expect(page.body.contains(#"data-testid="created-line""#))
            #expect(page.body.contains(#"data-testid="breaching-row""#) && page.body.contains("breaches in 20 min"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.body.contains("<script>alert"))
            #expect(page.body.contains(#"data-testid="nav-dashboard""#))
            #expect(page.headers[.contentSecurityPolicy] != nil)
            // and the API gives the same figures as JSON
            let json = try await client.call(.get, "/api/v1/dashboard", headers: [.cookie: browser.cookie])
            #expect(json.status == .ok)
            let backlog = json.body["backlog"] as? [String: Any]
            #expect(backlog?["total"] as? Int == 3 && backlog?["new"] as? Int == 3)
            #expect(json.body["created_today"] as? Int == 3)
            #expect(json.body["time_zone"] as? String == "Asia/Shanghai")
            let channels = json.body["channels"] as? [[String: Any]]
            #expect(channels?.first?["channel"] as? String == "email" && channels?.first?["count"] as? Int == 2)
            #expect((json.body["days"] as? [[String: Any]])?.count == 14)
            let breaching = json.body["breaching_soon"] as? [[String: Any]]
            #expect(breaching?.map { $0["number"] as? Int } == [Int(urgent.number)])
            let firstReply = json.body["first_reply_today"] as? [String: Any]
            #expect(firstReply?["met"] as? Int == 0 && firstReply?["met_percent"] == nil)
        }
    }

    @Test func anAgentIsRefusedTheDashboardAndIsNotOfferedIt() async throws {
        try await withAPI { platform, client in
            let browser = try await AgentBrowser.signIn(platform, client, locale: .zhCN)
            let list = try await browser.get("/agent/tickets")
            #expect(list.status == .ok && !list.body.contains(#"data-testid="nav-dashboard""#))
            #expect(try await browser.get("/agent/dashboard").status == .forbidden)
            let json = try await client.call(.get, "/api/v1/dashboard", headers: [.cookie: browser.cookie])
            #expect(json.status == .forbidden)
        }
    }

    @Test func anEmptyTenantsDashboardSaysSoInChinese() async throws {
        try await withAPI { platform, client in
            let browser = try await AgentBrowser.signIn(platform, client, locale: .zhCN, role: .admin)
            let page = try await browser.get("/agent/dashboard")
            #expect(page.status == .ok)
            #expect(page.body.contains("近 30 天没有工单。") && page.body.contains("未来 4 小时内没有未解决工单会违反 SLA。"))
            #expect(page.body.contains("今日首次响应达标率") && page.body.contains("仪表盘"))
        }
    }
}

/// The dashboard's SVG geometry.
@Suite struct DashboardChartsTests {
    @Test func twoEqualPartsAreTwoHalvesOfThePie() {
        let slices = DashboardCharts.Pie.slices([("Email", 2), ("Web", 0), ("Phone", 2)])
        #expect(slices.map(\.label) == ["Email", "Phone"])
        #expect(slices.map(\.percent) == ["50.0%", "50.0%"])
        #expect(slices[0].path == "M100.0 100.0 L100.0 10.0 A90.0 90.0 0 0 1 100.0 190.0 Z")
        #expect(slices[1].path == "M100.0 100.0 L100.0 190.0 A90.0 90.0 0 0 1 100.0 10.0 Z")
        #expect(slices.map(\.cssClass) == ["slice-0", "slice-1"])
    }

    @Test func aLargeSliceUsesTheLongArcAndASinglePartIsTheWholePie() {
        let slices = DashboardCharts.Pie.slices([("Email", 3), ("Web", 1)])
        #expect(slices[0].path.contains(" 0 1 1 "))  // three quarters: the large arc
        #expect(slices[1].path.contains(" 0 0 1 "))
        let whole = DashboardCharts.Pie.slices([("Email", 7)])
        #expect(whole.count == 1 && whole[0].whole && whole[0].path.isEmpty && whole[0].percent == "100.0%")
        #expect(DashboardCharts.Pie.slices([("Email", 0)]).isEmpty)
    }

    @Test func linesScaleToARoundMaximumAndLabelEveryFewDaysEndingToday() {
        let days = (1...14).map { "11/\($0)" }
        let lines = DashboardCharts.Lines(
            values: [Array(repeating: 0, count: 13) + [37], Array(repeating: 5, count: 14)], days: days)
        #expect(lines.ticks.map(\.label) == ["0", "25", "50"])
        let created = lines.series[0].split(separator: " ")
        #expect(created.count == 14 && created.first == "40.0,192.0" && created.last == "536.0,58.8")
        #expect(lines.dayLabels.last?.label == "11/14" && lines.dayLabels.count == 7)
        #expect(DashboardCharts.Lines.niceCeiling(0) == 2 && DashboardCharts.Lines.niceCeiling(3) == 5)
        #expect(DashboardCharts.Lines.niceCeiling(10) == 10 && DashboardCharts.Lines.niceCeiling(11) == 20)
        #expect(DashboardCharts.Lines.niceCeiling(501) == 1000)
    }
}
