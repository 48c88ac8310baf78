import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("WeCom group robot messages")
struct WeComRobotMessageTests {
    static let key = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"

    static func robot() throws -> WeComGroupRobot {
        try WeComGroupRobot(webhookURL: WeComGroupRobot.webhookURL(key: key), transport: UnusedTransport())
    }

    static func json(_ message: WeComRobotMessage) throws -> [String: Any] {
        VendorJSON.object(try robot().request(for: message).body) ?? [:]
    }

    @Test func textCarriesMentionLists() throws {
        let json = try Self.json(
            .text("工单 #1001 待处理", mentionedUserIDs: ["wangqing", "@all"], mentionedMobiles: ["13800001111"]))
        #expect(json["msgtype"] as? String == "text")
        let text = json["text"] as? [String: Any]
        #expect(text?["content"] as? String == "工单 #1001 待处理")
        #expect(text?["mentioned_list"] as? [String] == ["wangqing", "@all"])
        #expect(text?["mentioned_mobile_list"] as? [String] == ["13800001111"])
    }

    @Test func markdownAndNewsUseTheirWireShapes() throws {
        let markdown = try Self.json(.markdown("**SLA** <font color=\"warning\">即将超时</font>"))
        #expect(
            (markdown["markdown"] as? [String: String])?["content"] == "**SLA** <font color=\"warning\">即将超时</font>")
        let news = try Self.json(
            .news([
                WeComNewsArticle(
                    title: "工单 #1001", description: "客户回复了", url: "https://c.example/t/1001",
                    pictureURL: "https://c.example/p.png"),
                WeComNewsArticle(title: "工单 #1002", url: "https://c.example/t/1002"),
            ]))
        let articles = (news["news"] as? [String: Any])?["articles"] as? [[String: String]]
        #expect(
            articles == [
                [
                    "title": "工单 #1001", "description": "客户回复了", "url": "https://c.example/t/1001",
                    "picurl": "https://c.example/p.png",
                ],
                ["title": "工单 #1002", "url": "https://c.example/t/1002"],
            ])
    }

    @Test(arguments: [
        (String(repeating: "工", count: 682) + "单单", 2048, String(repeating: "工", count: 681) + "…"),
        (String(repeating: "a", count: 2047) + "工", 2048, String(repeating: "a", count: 2045) + "…"),
        (String(repeating: "a", count: 2046) + "工", 2048, String(repeating: "a", count: 2045) + "…"),
        (String(repeating: "a", count: 2045) + "工", 2048, String(repeating: "a", count: 2045) + "工"),
        (String(repeating: "工", count: 682), 2048, String(repeating: "工", count: 682)),
    ])
    func longTextIsCutOnACharacterBoundaryWithAnEllipsis(content: String, limit: Int, expected: String) throws {
        // when
        let json = try Self.json(.text(content))

        // then
        let sent = (json["text"] as? [String: Any])?["content"] as? String
        #expect(sent == expected)
        #expect((sent?.utf8.count ?? .max) <= limit)
    }

    @Test func longChineseMarkdownIsCutTo4096Bytes() throws {
        // given: 1500 three-byte characters = 4500 bytes
        let json = try Self.json(.markdown(String(repeating: "单", count: 1500)))

        // then: 1364 characters (4092 bytes) and the ellipsis (3 bytes)
        let sent = (json["markdown"] as? [String: String])?["content"]
        #expect(sent == String(repeating: "单", count: 1364) + "…")
        #expect(sent?.utf8.count == 4095)
    }

    @Test func newsTitleAndDescriptionAreCutToTheirByteLimits() throws {
        let article = WeComNewsArticle(
            title: String(repeating: "标", count: 50), description: String(repeating: "述", count: 200),
            url: "https://c.example")
        let json = try Self.json(.news([article]))
        let sent = ((json["news"] as? [String: Any])?["articles"] as? [[String: String]])?.first
        #expect(sent?["title"] == String(repeating: "标", count: 41) + "…")
        #expect(sent?["description"] == String(repeating: "述", count: 169) + "…")
    }

    @Test(arguments: [
        (WeComRobotMessage.text(""), WeComMessageError.emptyContent), (.markdown(""), .emptyContent),
        (.news([]), .incompleteArticle), (.news([WeComNewsArticle(title: "", url: "https://c")]), .incompleteArticle),
        (.news(Array(repeating: WeComNewsArticle(title: "t", url: "https://c"), count: 9)), .tooManyArticles(limit: 8)),
    ])
    func incompleteMessagesAreRefused(message: WeComRobotMessage, error: WeComMessageError) throws {
        let robot = try Self.robot()
        #expect(throws: error) { try robot.request(for: message) }
    }

    @Test func keyNeverAppearsInDescriptionOrSummary() throws {
        let robot = try Self.robot()
        let request = try robot.request(for: .text("x"))
        #expect(request.url.contains(Self.key))
        #expect(!"\(robot)".contains(Self.key))
        #expect(!request.redactedSummary.contains(Self.key))
        #expect("\(robot)".contains("qyapi.weixin.qq.com/cgi-bin/webhook/send"))
    }

    @Test(arguments: [
        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=",
        "qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", "",
    ])
    func webhookWithoutKeyIsRefused(url: String) {
        #expect(throws: WeComMessageError.invalidWebhookURL) {
            try WeComGroupRobot(webhookURL: url, transport: UnusedTransport())
        }
    }

    @Test func documentedLimitsAreExposed() {
        #expect(WeComRobotLimits.messagesPerMinute == 20)
        #expect(WeComRobotLimits.textContentBytes == 2048 && WeComRobotLimits.markdownContentBytes == 4096)
    }
}
