import ConciergeConnectors
import Foundation
import Testing

@Suite(
    "HubSpot over HTTP against a stub of the CRM v3 search and objects APIs",
    .enabled(if: ERPStubServer.toolsAreInstalled, "needs python3"))
struct HubSpotEndToEndTests {
    static let portal = ERPStubServer.Configuration.HubSpot(expectedSinceMs: 1_714_527_000_000)

    static func connector(_ server: ERPStubServer, token: String = portal.token) -> HubSpotConnector {
        HubSpotConnector(
            configuration: HubSpotConfiguration(baseURL: server.baseURL, accessToken: token),
            transport: ERPStubServer.transport)
    }

    @Test("Pages contacts through paging.next.after with a lastmodifieddate GTE filter")
    func pagesWithFilter() async throws {
        try await ERPStubServer.run(.init(hubspot: Self.portal)) { server in
            // when
            let pages = try await CRMPageCollector.pages(
                of: Self.connector(server), kind: .customers, since: ERPStubServer.since, pageSize: 2)

            // then
            #expect(pages.map(\.records.count) == [2, 2, 2])
            #expect(pages.map(\.nextCursor) == ["2", "4", nil])
            let first = try #require(pages.first?.records.first)
            #expect(first.externalID == "103")
            #expect(first.fields["email"] == .string("person2@example.com"))
            #expect(first.updatedAt == Date(timeIntervalSince1970: 1_714_528_800))
            let search = try #require(server.receivedRequests().first?.json)
            #expect((search["sorts"] as? [[String: String]])?.first?["direction"] == "ASCENDING")
            #expect(try server.receivedRequests().allSatisfy { $0.headers["authorization"] == "Bearer pat-na1-0000" })
        }
    }

    @Test("A stored after cursor resumes in a new connector")
    func resumesFromCursor() async throws {
        try await ERPStubServer.run(.init(hubspot: Self.portal)) { server in
            let first = await Self.connector(server).fetchPage(
                kind: .customers, updatedSince: ERPStubServer.since, cursor: nil, pageSize: 2)
            guard case .fetched(_, let cursor?) = first else {
                Issue.record("\(first)")
                return
            }
            let second = await Self.connector(server).fetchPage(
                kind: .customers, updatedSince: ERPStubServer.since, cursor: cursor, pageSize: 2)
            guard case .fetched(let records, _) = second else {
                Issue.record("\(second)")
                return
            }
            #expect(records.map(\.externalID) == ["105", "106"])
        }
    }

    @Test("429 is retryable after Retry-After, or after its policy's window without one; 401 is permanent")
    func errorShapes() async throws {
        let script = [
            "hubspot": [
                ERPStubServer.Configuration.Answer(
                    status: 429,
                    body: #"{"status":"error","message":"You have reached your secondly limit.","#
                        + #""errorType":"RATE_LIMIT","policyName":"SECONDLY"}"#,
                    headers: ["Retry-After": "3"]),
                ERPStubServer.Configuration.Answer(
                    status: 429,
                    body: #"{"status":"error","message":"ten secondly","errorType":"RATE_LIMIT","#
                        + #""policyName":"TEN_SECONDLY_ROLLING"}"#),
            ]
        ]
        try await ERPStubServer.run(.init(hubspot: Self.portal, script: script)) { server in
            let first = await CRMPageCollector.failure(of: Self.connector(server), kind: .customers)
            let second = await CRMPageCollector.failure(of: Self.connector(server), kind: .customers)
            let unauthorized = await CRMPageCollector.failure(
                of: Self.connector(server, token: "pat-revoked"), kind: .customers)
            guard case .retryable(let reason, let wait) = first, case .retryable(_, let window) = second,
                case .permanent(let why) = unauthorized
            else {
                Issue.record(
                    "\(String(describing: first)) \(String(describing: second)) \(String(describing: unauthorized))")
                return
            }
            #expect(reason.contains("SECONDLY") && wait == .seconds(3))
            #expect(window == .seconds(10))
            #expect(why.contains("HTTP 401") && why.contains("INVALID_AUTHENTICATION") && !why.contains("pat-revoked"))
        }
    }

    @Test("A ticket summary becomes a ticket object")
    func pushesTicket() async throws {
        try await ERPStubServer.run(.init(hubspot: Self.portal)) { server in
            let summary = TicketSummaryPayload(
                ticketNumber: "T-9", subject: "Printer jam", summary: "Cleared", status: "resolved", priority: "LOW",
                openedAt: Date(), updatedAt: Date())
            let outcome = await Self.connector(server).pushTicketSummary(summary)
            #expect(outcome == .delivered(summary: "hubspot tickets 9001 for T-9"))
            let properties = try #require(server.receivedRequests().last?.json?["properties"] as? [String: Any])
            #expect(properties["subject"] as? String == "[T-9] Printer jam")
            #expect(properties["hs_ticket_priority"] as? String == "LOW")
        }
    }
}
