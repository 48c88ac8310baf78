import ConciergeConnectors
import Foundation
import Testing

@Suite(
    "WeCom group robot over HTTP against a stub that checks like WeCom",
    .enabled(if: VendorStubServer.toolsAreInstalled, "needs python3"))
struct WeComEndToEndTests {
    static let key = VendorStubServer.Configuration.WeCom().key
    static let delivered = ConnectorDeliveryOutcome.delivered(summary: "wecom errcode 0: ok")

    static func robot(_ server: VendorStubServer, key: String = key) throws -> WeComGroupRobot {
        try WeComGroupRobot(
            webhookURL: WeComGroupRobot.webhookURL(key: key, endpoint: "\(server.baseURL)/cgi-bin/webhook/send"),
            transport: VendorStubServer.transport)
    }

    @Test func textWithMentionsArrives() async throws {
        try await VendorStubServer.run(.init(wecom: .init())) { server in
            let robot = try Self.robot(server)
            let outcome = await robot.send(
                .text("工单 #1001 待处理", mentionedUserIDs: ["wangqing"], mentionedMobiles: ["13800001111", "@all"]))
            #expect(outcome == Self.delivered)
            let text = try #require(try server.receivedRequests().first?.json?["text"] as? [String: Any])
            #expect(text["mentioned_list"] as? [String] == ["wangqing"])
            #expect(text["mentioned_mobile_list"] as? [String] == ["13800001111", "@all"])
        }
    }

    @Test func overlongChineseTextAndMarkdownAreShortenedInsteadOfRefused() async throws {
        try await VendorStubServer.run(.init(wecom: .init())) { server in
            // given: 3000 and 5000 bytes of Chinese, over the 2048 and 4096 byte limits WeCom enforces
            let robot = try Self.robot(server)

            // when
            let text = await robot.send(.text(String(repeating: "工单", count: 500)))
            let markdown = await robot.send(.markdown(String(repeating: "## 工单详情\n", count: 300)))

            // then
            #expect(text == Self.delivered && markdown == Self.delivered)
            let received = try server.receivedRequests()
            let content = (received[0].json?["text"] as? [String: Any])?["content"] as? String
            #expect(content?.utf8.count ?? 0 <= 2048 && content?.hasSuffix("…") == true)
            let markdownContent = (received[1].json?["markdown"] as? [String: Any])?["content"] as? String
            #expect(markdownContent?.utf8.count ?? 0 <= 4096 && markdownContent?.hasSuffix("…") == true)
        }
    }

    @Test func newsArrives() async throws {
        try await VendorStubServer.run(.init(wecom: .init())) { server in
            let robot = try Self.robot(server)
            let outcome = await robot.send(
                .news([WeComNewsArticle(title: "工单 #1001", description: "客户回复了", url: "https://c.example/t/1001")]))
            #expect(outcome == Self.delivered)
        }
    }

    @Test func wrongKeyIsPermanentAndTheKeyStaysOutOfEveryLine() async throws {
        try await VendorStubServer.run(.init(wecom: .init())) { server in
            let robot = try Self.robot(server, key: "stale-key-42")
            let outcome = await robot.send(.text("x"))
            #expect(
                outcome
                    == .permanent(
                        reason: "wecom errcode 93000 (invalid webhook URL, or the robot was removed from the group): "
                            + "invalid webhook url"))
            #expect(!"\(robot)".contains("stale-key-42") && !"\(outcome)".contains("stale-key-42"))
        }
    }

    @Test func twentyFirstMessageInAMinuteIsThrottled() async throws {
        try await VendorStubServer.run(.init(wecom: .init())) { server in
            let robot = try Self.robot(server)
            for index in 1...WeComRobotLimits.messagesPerMinute {
                let outcome = await robot.send(.text("消息 \(index)"))
                #expect(outcome == Self.delivered)
            }
            let throttled = await robot.send(.text("one too many"))
            guard case .retryable(_, let wait) = throttled else {
                Issue.record("\(throttled)")
                return
            }
            #expect(wait == .seconds(60))
        }
    }

    @Test(arguments: [
        ("<html>", 200, true), (#"{"errcode":-1,"errmsg":"system busy"}"#, 200, true),
        (#"{"errcode":93004,"errmsg":"robot disabled"}"#, 200, false), ("", 500, true),
    ])
    func misbehavingWeComIsClassified(body: String, status: Int, retryable: Bool) async throws {
        let script = ["wecom": [VendorStubServer.Configuration.Answer(status: status, body: body)]]
        try await VendorStubServer.run(.init(wecom: .init(), script: script)) { server in
            let robot = try Self.robot(server)
            switch await robot.send(.text("x")) {
            case .retryable: #expect(retryable)
            case .permanent: #expect(!retryable)
            case .delivered: Issue.record("\(status) \(body) must not count as delivered")
            }
        }
    }
}
