import ConciergeConnectors
import Foundation
import Testing

@Suite(
    "Odoo over JSON-RPC against a stub of /jsonrpc",
    .enabled(if: ERPStubServer.toolsAreInstalled, "needs python3"))
struct OdooEndToEndTests {
    static let database = ERPStubServer.Configuration.Odoo(expectedSince: "2024-05-01 01:30:00")

    static func connector(_ server: ERPStubServer, apiKey: String = database.apiKey) -> OdooConnector {
        OdooConnector(
            configuration: OdooConfiguration(
                baseURL: server.baseURL, database: database.database, login: database.login, apiKey: apiKey,
                pickingTypeByWarehouse: ["WH": 2], sourceLocationByWarehouse: ["WH": 8]),
            transport: ERPStubServer.transport)
    }

    @Test("Logs in once and pages partners by offset with a write_date filter in UTC")
    func pagesWithFilter() async throws {
        // given: three companies (even indexes 2, 4, 6) changed since 01:30Z
        try await ERPStubServer.run(.init(odoo: Self.database)) { server in
            // when
            let pages = try await CRMPageCollector.pages(
                of: Self.connector(server), kind: .organizations, since: ERPStubServer.since, pageSize: 1)

            // then
            #expect(pages.map(\.records.count) == [1, 1, 1])
            #expect(pages.map(\.nextCursor) == ["1", "2", nil])
            let first = try #require(pages.first?.records.first)
            #expect(first.externalID == "42" && first.fields["name"] == .string("Partner 2"))
            #expect(first.updatedAt == Date(timeIntervalSince1970: 1_714_528_800))
            let calls = try server.receivedRequests().compactMap { $0.json?["params"] as? [String: Any] }
            #expect(
                calls.compactMap { $0["method"] as? String } == ["login", "execute_kw", "execute_kw", "execute_kw"])
        }
    }

    @Test("Customers page by offset and resume from a stored cursor in a new connector")
    func resumesFromCursor() async throws {
        try await ERPStubServer.run(.init(odoo: Self.database)) { server in
            let first = await Self.connector(server).fetchPage(
                kind: .customers, updatedSince: ERPStubServer.since, cursor: nil, pageSize: 1)
            guard case .fetched(let page1, let cursor?) = first else {
                Issue.record("\(first)")
                return
            }
            let second = await Self.connector(server).fetchPage(
                kind: .customers, updatedSince: ERPStubServer.since, cursor: cursor, pageSize: 1)
            guard case .fetched(let page2, _) = second else {
                Issue.record("\(second)")
                return
            }
            #expect(page1.map(\.externalID) == ["43"] && page2.map(\.externalID) == ["45"])
            #expect(page2.first?.fields["organization_external_id"] == .string("44"))
            #expect(page2.first?.fields["email"] == .string("p5@example.com"))
        }
    }

    @Test("A wrong API key is a permanent login failure; AccessDenied and server errors are classified")
    func errorShapes() async throws {
        let script = [
            "odoo": [
                ERPStubServer.Configuration.Answer(
                    status: 200,
                    body: #"{"jsonrpc":"2.0","id":1,"error":{"code":200,"message":"Odoo Server Error","#
                        + #""data":{"name":"psycopg2.errors.SerializationFailure","message":"could not serialize"}}}"#),
                ERPStubServer.Configuration.Answer(status: 503, body: "<html>maintenance</html>"),
            ]
        ]
        try await ERPStubServer.run(.init(odoo: Self.database, script: script)) { server in
            let conflict = await CRMPageCollector.failure(of: Self.connector(server), kind: .customers)
            let outage = await CRMPageCollector.failure(of: Self.connector(server), kind: .customers)
            let refused = await CRMPageCollector.failure(
                of: Self.connector(server, apiKey: "bad-key"), kind: .customers)
            #expect(conflict?.isRetryable == true && outage?.isRetryable == true)
            guard case .permanent(let reason) = refused else {
                Issue.record("\(String(describing: refused))")
                return
            }
            #expect(reason.contains("refused the login") && !reason.contains("bad-key"))
        }
    }

    @Test("An AccessDenied fault after login is permanent with Odoo's exception name")
    func accessDeniedIsPermanent() async throws {
        let script = [
            "odoo": [
                ERPStubServer.Configuration.Answer(status: 200, body: #"{"jsonrpc":"2.0","id":1,"result":7}"#),
                ERPStubServer.Configuration.Answer(
                    status: 200,
                    body: #"{"jsonrpc":"2.0","id":2,"error":{"code":200,"message":"Odoo Server Error","#
                        + #""data":{"name":"odoo.exceptions.AccessDenied","message":"Access Denied"}}}"#),
            ]
        ]
        try await ERPStubServer.run(.init(odoo: Self.database, script: script)) { server in
            let failure = await CRMPageCollector.failure(of: Self.connector(server), kind: .customers)
            #expect(failure?.isRetryable == false)
            #expect(failure?.description.contains("odoo.exceptions.AccessDenied") == true)
        }
    }

    @Test("Inventory sums internal quants per warehouse: on hand, reserved, available, unit")
    func inventory() async throws {
        try await ERPStubServer.run(.init(odoo: Self.database)) { server in
            let result = await Self.connector(server).lookupInventory(
                partNumbers: ["P-100", "P-200", "P-999"], warehouse: nil)
            #expect(
                result
                    == .found([
                        .level("P-100", "Main", 15, 3, 12, "Units"),
                        .level("P-200", "East", 7, 7, 0, "Units"),
                    ]))
            let inWarehouse = await Self.connector(server).lookupInventory(
                partNumbers: ["P-100", "P-200"], warehouse: "E1")
            #expect(
                inWarehouse
                    == .found([
                        .level("P-200", "E1", 7, 7, 0, "Units")
                    ]))
        }
    }

    @Test("An issue order becomes one outgoing picking; a retry with the same key returns the same picking")
    func issueOrderIsIdempotent() async throws {
        try await ERPStubServer.run(.init(odoo: Self.database)) { server in
            // given
            let order = IssueOrderRequest(
                ticketNumber: "T-31", customerExternalID: "43", lines: [.init(partNumber: "P-100", quantity: 2)],
                warehouse: "WH", idempotencyKey: "T-31/parts/1")
            let connector = Self.connector(server)

            // when
            let first = await connector.createIssueOrder(order)
            let retry = await Self.connector(server).createIssueOrder(order)

            // then
            #expect(first == .created(documentNumber: "WH/OUT/00900", alreadyExisted: false))
            #expect(retry == .created(documentNumber: "WH/OUT/00900", alreadyExisted: true))
            let counts = try await server.documentCounts()
            #expect(counts["odoo_pickings"] == 1)
        }
    }

    @Test("Unknown parts fail the issue order permanently before anything is created")
    func unknownPart() async throws {
        try await ERPStubServer.run(.init(odoo: Self.database)) { server in
            let order = IssueOrderRequest(
                ticketNumber: "T-32", customerExternalID: "43", lines: [.init(partNumber: "NOPE", quantity: 1)],
                warehouse: nil, idempotencyKey: "k")
            let result = await Self.connector(server).createIssueOrder(order)
            guard case .failed(.permanent(let reason)) = result else {
                Issue.record("\(result)")
                return
            }
            #expect(reason.contains("NOPE"))
            let counts = try await server.documentCounts()
            #expect(counts["odoo_pickings"] == 0)
        }
    }

    @Test("A ticket summary is posted as a note on the customer's partner")
    func pushesNote() async throws {
        try await ERPStubServer.run(.init(odoo: Self.database)) { server in
            let summary = TicketSummaryPayload(
                ticketNumber: "T-5", subject: "Noise", summary: "Bearing", status: "open", priority: "normal",
                customerExternalID: "43", openedAt: Date(), updatedAt: Date())
            let outcome = await Self.connector(server).pushTicketSummary(summary)
            #expect(outcome == .delivered(summary: "odoo note 3001 on partner 43"))
        }
    }
}
