import ConciergeConnectors
import Foundation
import Testing

@Suite(
    "Kingdee K/3 Cloud WebAPI against a stub of ValidateUser, ExecuteBillQuery and Save",
    .enabled(if: ERPStubServer.toolsAreInstalled, "needs python3"))
struct KingdeeEndToEndTests {
    /// 01:30Z is 09:30 in Shanghai, the server's zone.
    static let dataCentre = ERPStubServer.Configuration.Kingdee(expectedSince: "2024-05-01 09:30:00")

    static func connector(_ server: ERPStubServer, password: String = dataCentre.password) -> KingdeeConnector {
        KingdeeConnector(
            configuration: KingdeeConfiguration(
                baseURL: server.baseURL, accountSetID: dataCentre.acctId, username: dataCentre.username,
                password: password),
            transport: ERPStubServer.transport)
    }

    @Test("Logs in once, reuses the session cookie and pages BD_Customer with an FModifyDate filter")
    func pagesWithFilter() async throws {
        try await ERPStubServer.run(.init(kingdee: Self.dataCentre)) { server in
            // given
            let connector = Self.connector(server)

            // when
            let pages = try await CRMPageCollector.pages(
                of: connector, kind: .organizations, since: ERPStubServer.since, pageSize: 2)

            // then
            #expect(pages.map(\.records.count) == [2, 2, 2])
            #expect(pages.map(\.nextCursor) == ["2", "4", nil])
            let first = try #require(pages.first?.records.first)
            #expect(first.externalID == "CUST0002" && first.fields["name"] == .string("客户2"))
            #expect(first.fields["internal_id"] == .string("100102"))
            // 10:00:00.123 in Shanghai
            let changed = try #require(first.updatedAt?.timeIntervalSince1970)
            #expect(abs(changed - 1_714_528_800.123) < 0.000_5)
            #expect(await connector.loginCount == 1)
            let queries = try server.receivedRequests().filter { $0.route == "kingdee" }
            #expect(
                queries.count == 3
                    && queries.allSatisfy { $0.headers["cookie"]?.contains("kdservice-sessionid=") == true })
            let data = try #require(queries.first?.json?["data"] as? [String: Any])
            #expect(data["FormId"] as? String == "BD_Customer")
            #expect(data["FilterString"] as? String == "(FForbidStatus = 'A') AND FModifyDate >= '2024-05-01 09:30:00'")
        }
    }

    @Test("A stored StartRow cursor resumes in a new connector")
    func resumesFromCursor() async throws {
        try await ERPStubServer.run(.init(kingdee: Self.dataCentre)) { server in
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
            #expect(records.map(\.externalID) == ["CUST0004", "CUST0005"])
        }
    }

    @Test("A lost session logs in again once and the query goes through")
    func lostSessionIsRenewedOnce() async throws {
        var dataCentre = Self.dataCentre
        dataCentre.expireFirstSession = true
        try await ERPStubServer.run(.init(kingdee: dataCentre)) { server in
            let connector = Self.connector(server)
            let result = await connector.fetchPage(
                kind: .organizations, updatedSince: ERPStubServer.since, cursor: nil, pageSize: 2)
            guard case .fetched(let records, _) = result else {
                Issue.record("\(result)")
                return
            }
            #expect(records.count == 2)
            #expect(await connector.loginCount == 2)
            let routes = try server.receivedRequests().map(\.route)
            #expect(routes == ["kingdee_login", "kingdee", "kingdee_login", "kingdee"])
        }
    }

    @Test("A wrong password is permanent with Kingdee's message; a business error on HTTP 200 is a failure")
    func errorShapes() async throws {
        let script = [
            "kingdee": [
                ERPStubServer.Configuration.Answer(
                    status: 200,
                    body: #"[[{"Result":{"ResponseStatus":{"ErrorCode":500,"IsSuccess":false,"MsgCode":0,"#
                        + #""Errors":[{"FieldName":"FilterString","Message":"字段 FFoo 不存在","DIndex":0}]}}}]]"#),
                ERPStubServer.Configuration.Answer(status: 502, body: "Bad Gateway", headers: ["Retry-After": "5"]),
            ]
        ]
        try await ERPStubServer.run(.init(kingdee: Self.dataCentre, script: script)) { server in
            let connector = Self.connector(server)
            let business = await CRMPageCollector.failure(of: connector, kind: .organizations)
            let outage = await CRMPageCollector.failure(of: connector, kind: .organizations)
            let login = await CRMPageCollector.failure(
                of: Self.connector(server, password: "nope-pass"), kind: .organizations)
            #expect(business == .permanent(reason: "kingdee ExecuteBillQuery failed: 字段 FFoo 不存在"))
            guard case .retryable(_, let wait) = outage, case .permanent(let reason) = login else {
                Issue.record("\(String(describing: outage)) \(String(describing: login))")
                return
            }
            #expect(wait == .seconds(5))
            #expect(reason.contains("用户名或密码错误") && !reason.contains("nope-pass"))
        }
    }

    @Test("Inventory from STK_Inventory: on hand, locked, available per warehouse")
    func inventory() async throws {
        try await ERPStubServer.run(.init(kingdee: Self.dataCentre)) { server in
            let all = await Self.connector(server).lookupInventory(partNumbers: ["M-01", "M-02"], warehouse: nil)
            let one = await Self.connector(server).lookupInventory(partNumbers: ["M-01"], warehouse: "CK002")
            #expect(
                all
                    == .found([
                        .level("M-01", "CK001", 12, 2, 10, "Pcs"),
                        .level("M-01", "CK002", 4, 0, 4, "Pcs"),
                        .level("M-02", "CK001", 1, 1, 0, "Pcs"),
                    ]))
            #expect(
                one
                    == .found([
                        .level("M-01", "CK002", 4, 0, 4, "Pcs")
                    ]))
        }
    }

    @Test("An issue order is saved once as STK_MisDelivery; a retry with the same key finds it by FNote")
    func issueOrderIsIdempotent() async throws {
        try await ERPStubServer.run(.init(kingdee: Self.dataCentre)) { server in
            // given
            let order = IssueOrderRequest(
                ticketNumber: "T-88", customerExternalID: "CUST0002",
                lines: [.init(partNumber: "M-01", quantity: 2), .init(partNumber: "M-02", quantity: 1)],
                warehouse: nil, idempotencyKey: "T-88/parts/o'1")

            // when
            let first = await Self.connector(server).createIssueOrder(order)
            let retry = await Self.connector(server).createIssueOrder(order)

            // then
            #expect(first == .created(documentNumber: "QTCK000001", alreadyExisted: false))
            #expect(retry == .created(documentNumber: "QTCK000001", alreadyExisted: true))
            #expect(try await server.documentCounts()["kingdee_orders"] == 1)
            let save = try #require(server.receivedRequests().first { $0.path.hasSuffix("Save.common.kdsvc") }?.json)
            let model = try #require((save["data"] as? [String: Any])?["Model"] as? [String: Any])
            let lines = try #require(model["FEntity"] as? [[String: Any]])
            #expect(save["formid"] as? String == "STK_MisDelivery")
            #expect(model["FNote"] as? String == "T-88 / T-88/parts/o'1")
            #expect(lines.count == 2 && lines[0]["FQty"] as? Int == 2)
            #expect((lines[1]["FStockId"] as? [String: Any])?["FNumber"] as? String == "CK001")
        }
    }
}
