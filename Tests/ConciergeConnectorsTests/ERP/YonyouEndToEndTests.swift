import ConciergeConnectors
import Foundation
import Testing

@Suite(
    "Yonyou open API against a stub of the token, merchant list, stock and other-out APIs",
    .enabled(if: ERPStubServer.toolsAreInstalled, "needs python3"))
struct YonyouEndToEndTests {
    static let app = ERPStubServer.Configuration.Yonyou(expectedSince: "2024-05-01 09:30:00")

    static func connector(_ server: ERPStubServer, secret: String = app.appSecret) -> YonyouConnector {
        YonyouConnector(
            configuration: YonyouConfiguration(
                baseURL: server.baseURL, tokenURL: server.baseURL + "/open-auth/selfAppAuth/getAccessToken",
                appKey: app.appKey, appSecret: secret),
            transport: ERPStubServer.transport)
    }

    @Test("Signs the token request, reuses the token and pages by pageIndex with a pubts filter")
    func pagesWithFilter() async throws {
        try await ERPStubServer.run(.init(yonyou: Self.app)) { server in
            let connector = Self.connector(server)
            let pages = try await CRMPageCollector.pages(
                of: connector, kind: .organizations, since: ERPStubServer.since, pageSize: 2)
            #expect(pages.map(\.records.count) == [2, 2, 2])
            #expect(pages.map(\.nextCursor) == ["2", "3", nil])
            let first = try #require(pages.first?.records.first)
            #expect(first.externalID == "M002" && first.fields["name"] == .string("商户2"))
            #expect(first.updatedAt == Date(timeIntervalSince1970: 1_714_528_800))
            #expect(await connector.tokenFetchCount == 1)
            let requests = try server.receivedRequests()
            #expect(requests.first?.route == "yonyou_token" && requests.first?.status == 200)
            #expect(requests.dropFirst().allSatisfy { $0.query["access_token"]?.hasPrefix("yonyou-") == true })
        }
    }

    @Test("A stored page cursor resumes in a new connector")
    func resumesFromCursor() async throws {
        try await ERPStubServer.run(.init(yonyou: Self.app)) { server in
            let first = await Self.connector(server).fetchPage(
                kind: .organizations, updatedSince: ERPStubServer.since, cursor: nil, pageSize: 2)
            guard case .fetched(_, let cursor?) = first else {
                Issue.record("\(first)")
                return
            }
            let second = await Self.connector(server).fetchPage(
                kind: .organizations, updatedSince: ERPStubServer.since, cursor: cursor, pageSize: 2)
            guard case .fetched(let records, _) = second else {
                Issue.record("\(second)")
                return
            }
            #expect(records.map(\.externalID) == ["M004", "M005"])
        }
    }

    @Test("An expired token (code on HTTP 200) is replaced once")
    func expiredTokenIsRefreshedOnce() async throws {
        var app = Self.app
        app.expireFirstToken = true
        try await ERPStubServer.run(.init(yonyou: app)) { server in
            let connector = Self.connector(server)
            let result = await connector.fetchPage(
                kind: .organizations, updatedSince: ERPStubServer.since, cursor: nil, pageSize: 2)
            guard case .fetched(let records, _) = result else {
                Issue.record("\(result)")
                return
            }
            #expect(records.count == 2)
            #expect(await connector.tokenFetchCount == 2)
        }
    }

    @Test("A wrong secret is permanent; throttling on HTTP 200 is retryable; other codes are permanent")
    func errorShapes() async throws {
        let script = [
            "yonyou": [
                ERPStubServer.Configuration.Answer(status: 200, body: #"{"code":"999","message":"接口调用频繁，请稍后再试"}"#),
                ERPStubServer.Configuration.Answer(status: 200, body: #"{"code":"1002","message":"参数错误: pageSize"}"#),
            ]
        ]
        try await ERPStubServer.run(.init(yonyou: Self.app, script: script)) { server in
            let connector = Self.connector(server)
            let throttled = await CRMPageCollector.failure(of: connector, kind: .organizations)
            let invalid = await CRMPageCollector.failure(of: connector, kind: .organizations)
            let refused = await CRMPageCollector.failure(
                of: Self.connector(server, secret: "bad-secret"), kind: .organizations)
            #expect(throttled?.isRetryable == true)
            #expect(
                invalid
                    == .permanent(
                        reason: "yonyou /yonbip/digitalModel/merchant/list answered code 1002: 参数错误: pageSize"))
            guard case .permanent(let reason) = refused else {
                Issue.record("\(String(describing: refused))")
                return
            }
            #expect(reason.contains("refused the app credentials") && !reason.contains("bad-secret"))
        }
    }

    @Test("Current stock maps on hand and available; reserved is the difference")
    func inventory() async throws {
        try await ERPStubServer.run(.init(yonyou: Self.app)) { server in
            let result = await Self.connector(server).lookupInventory(partNumbers: ["Y-01"], warehouse: nil)
            #expect(
                result
                    == .found([
                        .level("Y-01", "W001", 8, 2, 6, "个")
                    ]))
        }
    }

    @Test("An other-out order carries a resubmitCheckKey; a retry returns the same document and the stub holds one")
    func issueOrderIsIdempotent() async throws {
        try await ERPStubServer.run(.init(yonyou: Self.app)) { server in
            let order = IssueOrderRequest(
                ticketNumber: "T-12", customerExternalID: "M002", lines: [.init(partNumber: "Y-01", quantity: 1)],
                warehouse: "W001", idempotencyKey: "T-12/parts/1")
            let first = await Self.connector(server).createIssueOrder(order)
            let retry = await Self.connector(server).createIssueOrder(order)
            guard case .created(let number, _) = first, case .created(let again, _) = retry else {
                Issue.record("\(first) \(retry)")
                return
            }
            #expect(number == "QTCK00000001" && again == number)
            #expect(try await server.documentCounts()["yonyou_orders"] == 1)
            let save = try #require(server.receivedRequests().last?.json?["data"] as? [String: Any])
            #expect((save["resubmitCheckKey"] as? String)?.count == 32)
            #expect(save["memo"] as? String == "T-12 / T-12/parts/1")
        }
    }
}
