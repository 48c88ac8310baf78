import ConciergeConnectors
import Foundation
import Testing

@Suite(
    "DingTalk custom robot over HTTP against a stub that checks like DingTalk",
    .enabled(if: VendorStubServer.toolsAreInstalled, "needs python3"))
struct DingTalkRobotEndToEndTests {
    static func robot(
        _ server: VendorStubServer, token: String = "dt-token-0123", security: DingTalkRobotSecurity
    ) throws -> DingTalkGroupRobot {
        try DingTalkGroupRobot(
            webhookURL: "\(server.baseURL)/robot/send?access_token=\(token)", security: security,
            transport: VendorStubServer.transport)
    }

    static let signed = VendorStubServer.Configuration(dingtalk: .init(secret: "SECstub-secret"))

    @Test func signedTextWithMentionsIsAccepted() async throws {
        try await VendorStubServer.run(Self.signed) { server in
            // given
            let message = DingTalkRobotMessage.text(
                "工单 #1001 等待处理", mention: DingTalkMention(mobiles: ["13800001111"]))

            // when
            let robot = try Self.robot(server, security: .signed(secret: "SECstub-secret"))
            let outcome = await robot.send(message)

            // then: the stub recomputed the sign from timestamp + secret and accepted it
            #expect(outcome == .delivered(summary: "dingtalk errcode 0: ok"))
            let received = try #require(try server.receivedRequests().first)
            #expect(received.query["timestamp"]?.count == 13)
            #expect(received.query["sign"] != nil)
            let text = received.json?["text"] as? [String: Any]
            #expect(text?["content"] as? String == "工单 #1001 等待处理 @13800001111")
            #expect((received.json?["at"] as? [String: Any])?["atMobiles"] as? [String] == ["13800001111"])
        }
    }

    @Test func markdownAndActionCardsAreAccepted() async throws {
        try await VendorStubServer.run(Self.signed) { server in
            let robot = try Self.robot(server, security: .signed(secret: "SECstub-secret"))
            let markdown = await robot.send(.markdown(title: "SLA", text: "### 工单 #1001\n- 剩余 **10** 分钟"))
            let card = await robot.send(
                .actionCard(.ticket(title: "工单 #1001", text: "客户回复了", url: "https://c.example/t/1001")))
            #expect(markdown == .delivered(summary: "dingtalk errcode 0: ok"))
            #expect(card == .delivered(summary: "dingtalk errcode 0: ok"))
            let recorded = try server.receivedRequests()
            #expect(recorded.map { $0.json?["msgtype"] as? String } == ["markdown", "actionCard"])
        }
    }

    @Test func wrongSecretIsRefusedForGoodWithDingTalksReason() async throws {
        try await VendorStubServer.run(Self.signed) { server in
            let robot = try Self.robot(server, security: .signed(secret: "SECwrong"))
            let outcome = await robot.send(.text("工单"))
            #expect(
                outcome
                    == .permanent(
                        reason: "dingtalk errcode 310000 (security check failed: keyword, signature, timestamp or "
                            + "IP allow-list): sign not match"))
        }
    }

    @Test func keywordRobotGetsOnlyMessagesWithAKeyword() async throws {
        try await VendorStubServer.run(.init(dingtalk: .init(keywords: ["工单"]))) { server in
            // given
            let robot = try Self.robot(server, security: .keywords(["工单"]))

            // when
            let accepted = await robot.send(.text("新工单 #1002"))
            let refused = await robot.send(.text("hello"))

            // then: the second message never left
            #expect(accepted == .delivered(summary: "dingtalk errcode 0: ok"))
            guard case .permanent(let reason) = refused else {
                Issue.record("\(refused)")
                return
            }
            #expect(reason.contains("keywords"))
            let recorded = try server.receivedRequests()
            #expect(recorded.count == 1)
        }
    }

    @Test func keywordRobotRefusalFromDingTalkIsPermanentToo() async throws {
        // given: the robot is configured here without its keyword, so DingTalk's own check refuses
        try await VendorStubServer.run(.init(dingtalk: .init(keywords: ["告警"]))) { server in
            let robot = try Self.robot(server, security: .ipAllowList)
            let outcome = await robot.send(.text("hello"))
            guard case .permanent(let reason) = outcome else {
                Issue.record("\(outcome)")
                return
            }
            #expect(reason.hasSuffix("keywords not in content"))
        }
    }

    @Test func twentyFirstMessageInAMinuteIsThrottledForTheDocumentedPenalty() async throws {
        try await VendorStubServer.run(.init(dingtalk: .init())) { server in
            let robot = try Self.robot(server, security: .ipAllowList)
            for index in 1...DingTalkRobotLimits.messagesPerMinute {
                let outcome = await robot.send(.text("消息 \(index)"))
                #expect(outcome == .delivered(summary: "dingtalk errcode 0: ok"))
            }
            let throttled = await robot.send(.text("one too many"))
            #expect(
                throttled
                    == .retryable(
                        reason: "dingtalk errcode 130101 (send too fast: more than 20 messages per minute): "
                            + "send too fast, exceed 20 times per minute", retryAfter: .seconds(600)))
        }
    }

    @Test func unknownTokenIsPermanentAndNeverLogged() async throws {
        try await VendorStubServer.run(.init(dingtalk: .init())) { server in
            let robot = try Self.robot(server, token: "not-the-token", security: .ipAllowList)
            let outcome = await robot.send(.text("x"))
            #expect(
                outcome == .permanent(reason: "dingtalk errcode 400101 (access_token does not exist): access_token不存在"))
            #expect(!"\(robot)".contains("not-the-token") && !"\(outcome)".contains("not-the-token"))
        }
    }

    @Test(arguments: [
        ("<html><body>502 Bad Gateway</body></html>", 200, true),
        (#"{"errcode":-1,"errmsg":"系统繁忙"}"#, 200, true),
        (#"{"errcode":400102,"errmsg":"机器人已停用"}"#, 200, false),
        ("", 502, true),
    ])
    func misbehavingDingTalkIsClassified(body: String, status: Int, retryable: Bool) async throws {
        let script = ["dingtalk": [VendorStubServer.Configuration.Answer(status: status, body: body)]]
        try await VendorStubServer.run(.init(dingtalk: .init(), script: script)) { server in
            let robot = try Self.robot(server, security: .ipAllowList)
            switch await robot.send(.text("x")) {
            case .retryable: #expect(retryable)
            case .permanent: #expect(!retryable)
            case .delivered: Issue.record("\(status) \(body) must not count as delivered")
            }
        }
    }
}
