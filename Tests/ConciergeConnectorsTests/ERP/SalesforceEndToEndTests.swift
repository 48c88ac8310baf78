import ConciergeConnectors
import Foundation
import Testing

@Suite(
    "Salesforce over HTTP against a stub of the token, query and sObject APIs",
    .enabled(if: ERPStubServer.toolsAreInstalled, "needs python3"))
struct SalesforceEndToEndTests {
    static let account = ERPStubServer.Configuration.Salesforce(expectedSince: "2024-05-01T01:30:00Z")

    static func connector(_ server: ERPStubServer, secret: String = account.clientSecret) -> SalesforceConnector {
        SalesforceConnector(
            configuration: SalesforceConfiguration(
                baseURL: server.baseURL, clientID: account.clientId, clientSecret: secret),
            transport: ERPStubServer.transport)
    }

    @Test("Pages through nextRecordsUrl with the LastModifiedDate filter and one token")
    func pagesWithFilter() async throws {
        try await ERPStubServer.run(.init(salesforce: Self.account)) { server in
            // given
            let connector = Self.connector(server)

            // when
            let pages = try await CRMPageCollector.pages(
                of: connector, kind: .organizations, since: ERPStubServer.since, pageSize: 2)

            // then: six accounts changed since 01:30Z, in three pages, mapped
            #expect(pages.map(\.records.count) == [2, 2, 2])
            #expect(pages.last?.nextCursor == nil)
            let first = try #require(pages.first?.records.first)
            #expect(first.externalID == "001000000000000002")
            #expect(first.fields["name"] == .string("Account 2"))
            #expect(first.updatedAt == Date(timeIntervalSince1970: 1_714_528_800))
            #expect(first.rawJSON.contains("\"LastModifiedDate\""))
            #expect(await connector.tokenFetchCount == 1)
            let queries = try server.receivedRequests().filter { $0.route == "salesforce" }
            #expect(queries.allSatisfy { $0.headers["sforce-query-options"] == "batchSize=2" })
            #expect(
                queries.first?.query["q"]?.contains("FROM Account WHERE LastModifiedDate >= 2024-05-01T01:30:00Z")
                    == true)
        }
    }

    @Test("A stored cursor resumes in a new connector")
    func resumesFromCursor() async throws {
        try await ERPStubServer.run(.init(salesforce: Self.account)) { server in
            // given: page 1 fetched by one connector
            let first = await Self.connector(server).fetchPage(
                kind: .customers, updatedSince: ERPStubServer.since, cursor: nil, pageSize: 2)
            guard case .fetched(let page1, let cursor?) = first else {
                Issue.record("\(first)")
                return
            }

            // when: a new connector continues from the cursor
            let second = await Self.connector(server).fetchPage(
                kind: .customers, updatedSince: ERPStubServer.since, cursor: cursor, pageSize: 2)

            // then
            guard case .fetched(let page2, _) = second else {
                Issue.record("\(second)")
                return
            }
            #expect(page1.map(\.externalID) == ["003000000000000002", "003000000000000003"])
            #expect(page2.map(\.externalID) == ["003000000000000004", "003000000000000005"])
            #expect(page2.first?.fields["email"] == .string("person4@example.com"))
        }
    }

    @Test("An expired token is replaced once and the query goes through")
    func expiredTokenIsRefreshedOnce() async throws {
        var account = Self.account
        account.expireFirstToken = true
        try await ERPStubServer.run(.init(salesforce: account)) { server in
            let connector = Self.connector(server)
            let result = await connector.fetchPage(
                kind: .organizations, updatedSince: ERPStubServer.since, cursor: nil, pageSize: 2)
            guard case .fetched(let records, _) = result else {
                Issue.record("\(result)")
                return
            }
            #expect(records.count == 2)
            #expect(await connector.tokenFetchCount == 2)
            let statuses = try server.receivedRequests().map(\.status)
            #expect(statuses == [200, 401, 200, 200])
        }
    }

    @Test("A wrong client secret is permanent and never printed")
    func wrongSecretIsPermanent() async throws {
        try await ERPStubServer.run(.init(salesforce: Self.account)) { server in
            let failure = await CRMPageCollector.failure(
                of: Self.connector(server, secret: "wrong-secret-value"), kind: .organizations)
            guard case .permanent(let reason) = failure else {
                Issue.record("\(String(describing: failure))")
                return
            }
            #expect(reason.contains("invalid_client"))
            #expect(!reason.contains("wrong-secret-value"))
        }
    }

    @Test("REQUEST_LIMIT_EXCEEDED is retryable with Retry-After; other errors are permanent with their code")
    func errorShapes() async throws {
        let script = [
            "salesforce": [
                ERPStubServer.Configuration.Answer(
                    status: 403,
                    body: #"[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]"#,
                    headers: ["Retry-After": "30"]),
                ERPStubServer.Configuration.Answer(
                    status: 400, body: #"[{"message":"No such column 'Foo__c'","errorCode":"INVALID_FIELD"}]"#),
            ]
        ]
        try await ERPStubServer.run(.init(salesforce: Self.account, script: script)) { server in
            let connector = Self.connector(server)
            let throttled = await CRMPageCollector.failure(of: connector, kind: .organizations)
            let invalid = await CRMPageCollector.failure(of: connector, kind: .organizations)
            guard case .retryable(let reason, let wait) = throttled, case .permanent(let why) = invalid else {
                Issue.record("\(String(describing: throttled)) \(String(describing: invalid))")
                return
            }
            #expect(reason.contains("REQUEST_LIMIT_EXCEEDED") && wait == .seconds(30))
            #expect(why.contains("INVALID_FIELD"))
        }
    }

    @Test("A ticket summary is upserted as a Case by its ticket number, twice without a duplicate")
    func pushesCase() async throws {
        try await ERPStubServer.run(.init(salesforce: Self.account)) { server in
            // given
            let summary = TicketSummaryPayload(
                ticketNumber: "T-2024-17", subject: "泵漏水", summary: "Seal replaced", status: "resolved",
                priority: "high", customerExternalID: "003000000000000002",
                organizationExternalID: "001000000000000002",
                url: "https://concierge.example/t/17", openedAt: Date(), updatedAt: Date())
            let connector = Self.connector(server)

            // when
            let first = await connector.pushTicketSummary(summary)
            let again = await connector.pushTicketSummary(summary)

            // then
            guard case .delivered(let text) = first, case .delivered = again else {
                Issue.record("\(first) \(again)")
                return
            }
            #expect(text.contains("Case 500000000000000000"))
            #expect(try await server.documentCounts()["salesforce_cases"] == 1)
            let push = try #require(server.receivedRequests().last)
            #expect(
                push.method == "PATCH" && push.path.hasSuffix("/sobjects/Case/Concierge_Ticket_Number__c/T-2024-17"))
            #expect(push.json?["Subject"] as? String == "[T-2024-17] 泵漏水")
            #expect(push.json?["AccountId"] as? String == "001000000000000002")
        }
    }
}
