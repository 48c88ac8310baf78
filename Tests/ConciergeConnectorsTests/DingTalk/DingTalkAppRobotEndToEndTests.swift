import ConciergeConnectors
import Foundation
import Testing

@Suite(
    "DingTalk app robot over HTTP against a stub of the token and group-message APIs",
    .enabled(if: VendorStubServer.toolsAreInstalled, "needs python3"))
struct DingTalkAppRobotEndToEndTests {
    static let app = VendorStubServer.Configuration.DingTalkApp()

    static func tokens(
        _ server: VendorStubServer, secret: String = app.appSecret, now: @escaping @Sendable () -> Date = { Date() }
    ) -> DingTalkAccessTokenProvider {
        DingTalkAccessTokenProvider(
            credentials: DingTalkAppCredentials(appKey: app.appKey, appSecret: secret),
            transport: VendorStubServer.transport, baseURL: server.baseURL, now: now)
    }

    static func robot(_ server: VendorStubServer, tokens: DingTalkAccessTokenProvider, code: String = app.robotCode)
        -> DingTalkAppRobot
    {
        DingTalkAppRobot(
            robotCode: code, tokens: tokens, transport: VendorStubServer.transport, baseURL: server.baseURL)
    }

    static let delivered = ConnectorDeliveryOutcome.delivered(summary: "dingtalk accepted the group message (HTTP 200)")

    @Test func oneTokenServesSeveralMessages() async throws {
        try await VendorStubServer.run(.init(dingtalkApp: Self.app)) { server in
            // given
            let tokens = Self.tokens(server)
            let robot = Self.robot(server, tokens: tokens)

            // when
            let first = await robot.send(.text("工单 #1001 已创建"), to: "cidGroupA==")
            let second = await robot.send(
                .actionCard(.ticket(title: "工单 #1001", text: "详情", url: "https://c.example/t/1001")), to: "cidGroupB==")

            // then
            #expect(first == Self.delivered && second == Self.delivered)
            #expect(await tokens.fetchCount == 1)
            let requests = try server.receivedRequests()
            #expect(requests.map(\.route) == ["dingtalk_token", "dingtalk_app", "dingtalk_app"])
            let tokenAnswer = try #require(requests[0].json)
            #expect(tokenAnswer["appKey"] as? String == Self.app.appKey)
            let send = try #require(requests[1].json)
            #expect(send["msgParam"] as? String == #"{"content":"工单 #1001 已创建"}"#)
            #expect(send["openConversationId"] as? String == "cidGroupA==")
            #expect(requests[1].headers["x-acs-dingtalk-access-token"]?.isEmpty == false)
            #expect(requests[2].json?["msgKey"] as? String == "sampleActionCard")
        }
    }

    @Test func rejectedTokenIsReplacedOnceAndTheMessageGoesThrough() async throws {
        var app = Self.app
        app.revokeFirstToken = true
        try await VendorStubServer.run(.init(dingtalkApp: app)) { server in
            let tokens = Self.tokens(server)
            let outcome = await Self.robot(server, tokens: tokens).send(
                .markdown(title: "SLA", text: "**超时**"), to: "cid==")
            #expect(outcome == Self.delivered)
            #expect(await tokens.fetchCount == 2)
            let recorded = try server.receivedRequests()
            #expect(recorded.map(\.status) == [200, 401, 200, 200])
        }
    }

    @Test func tokenIsRefreshedShortlyBeforeItExpires() async throws {
        var app = Self.app
        app.tokenLifetime = 7200
        try await VendorStubServer.run(.init(dingtalkApp: app)) { server in
            // given: a clock the test moves
            let clock = ManualClock()
            let tokens = Self.tokens(server, now: { clock.now })
            let first = try await tokens.token()

            // when: still fresh 100 s before the 5-minute margin, stale after it
            clock.advance(by: 7200 - 300 - 100)
            let stillCached = try await tokens.token()
            clock.advance(by: 101)
            let refreshed = try await tokens.token()

            // then
            #expect(first == stillCached && refreshed != first)
            #expect(await tokens.fetchCount == 2)
        }
    }

    @Test func concurrentSendsShareOneTokenFetch() async throws {
        try await VendorStubServer.run(.init(dingtalkApp: Self.app)) { server in
            let tokens = Self.tokens(server)
            let robot = Self.robot(server, tokens: tokens)
            let outcomes = await withTaskGroup(of: ConnectorDeliveryOutcome.self) { group in
                for index in 1...5 { group.addTask { await robot.send(.text("并发 \(index)"), to: "cid==") } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes == Array(repeating: Self.delivered, count: 5))
            #expect(await tokens.fetchCount == 1)
        }
    }

    @Test func wrongAppSecretIsPermanentAndNeverPrinted() async throws {
        try await VendorStubServer.run(.init(dingtalkApp: Self.app)) { server in
            let outcome = await Self.robot(server, tokens: Self.tokens(server, secret: "wrong-secret")).send(
                .text("x"), to: "cid==")
            guard case .permanent(let reason) = outcome else {
                Issue.record("\(outcome)")
                return
            }
            #expect(reason.contains("refused the app credentials") && reason.contains("invalidClientIdOrSecret"))
            #expect(!reason.contains("wrong-secret"))
        }
    }

    @Test func wrongRobotCodeIsPermanentWithDingTalksCode() async throws {
        try await VendorStubServer.run(.init(dingtalkApp: Self.app)) { server in
            let outcome = await Self.robot(server, tokens: Self.tokens(server), code: "other").send(
                .text("x"), to: "cid==")
            guard case .permanent(let reason) = outcome else {
                Issue.record("\(outcome)")
                return
            }
            #expect(reason.contains("invalidParameter.robotCode.notExsit"))
        }
    }

    @Test(arguments: [
        (
            VendorStubServer.Configuration.Answer(
                status: 403, body: #"{"code":"Forbidden.AccessDenied.QpsLimitForApi","message":"qps"}"#),
            Duration?.some(.seconds(1))
        ),
        (.init(status: 429, body: "", headers: ["Retry-After": "9"]), .seconds(9)),
        (.init(status: 500, body: #"{"code":"systemError","message":"x"}"#), nil),
        (.init(status: 200, body: "<html>gateway</html>"), nil),
    ])
    func throttlingAndOutagesAreRetryable(answer: VendorStubServer.Configuration.Answer, wait: Duration?) async throws {
        try await VendorStubServer.run(.init(dingtalkApp: Self.app, script: ["dingtalk_app": [answer]])) { server in
            let outcome = await Self.robot(server, tokens: Self.tokens(server)).send(.text("x"), to: "cid==")
            guard case .retryable(_, let retryAfter) = outcome else {
                Issue.record("\(outcome)")
                return
            }
            #expect(retryAfter == wait)
        }
    }

    @Test func tokenEndpointOutageIsRetryable() async throws {
        let script = ["dingtalk_token": [VendorStubServer.Configuration.Answer(status: 503)]]
        try await VendorStubServer.run(.init(dingtalkApp: Self.app, script: script)) { server in
            let outcome = await Self.robot(server, tokens: Self.tokens(server)).send(.text("x"), to: "cid==")
            guard case .retryable = outcome else {
                Issue.record("\(outcome)")
                return
            }
        }
    }
}
