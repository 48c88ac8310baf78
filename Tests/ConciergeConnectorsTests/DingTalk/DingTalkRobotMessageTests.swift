import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("DingTalk custom robot messages")
struct DingTalkRobotMessageTests {
    static let webhook = "https://oapi.dingtalk.com/robot/send?access_token=0123abcd"

    static func robot(_ security: DingTalkRobotSecurity = .ipAllowList) throws -> DingTalkGroupRobot {
        try DingTalkGroupRobot(webhookURL: webhook, security: security, transport: UnusedTransport())
    }

    static func json(_ request: ConnectorHTTPRequest) -> [String: Any] {
        VendorJSON.object(request.body) ?? [:]
    }

    /// Vectors computed independently with Python:
    ///
    ///     base64.b64encode(hmac.new(secret, f"{ts}\n{secret}".encode(), hashlib.sha256).digest())
    ///     urllib.parse.quote_plus(...)
    @Test(arguments: [
        (
            "SECtest123", Int64(1_700_000_000_000), "w3RMHXzixTMdzr8OHJUmVLS4IoPJVdu+Ut1LE48MePE=",
            "w3RMHXzixTMdzr8OHJUmVLS4IoPJVdu%2BUt1LE48MePE%3D"
        ),
        (
            "SEC密钥", Int64(1_732_000_000_123), "k9vKD4Kb6oXDM0/1ox4BKm/+jzRUF2VfzLPif7EF4tE=",
            "k9vKD4Kb6oXDM0%2F1ox4BKm%2F%2BjzRUF2VfzLPif7EF4tE%3D"
        ),
    ])
    func signMatchesIndependentlyComputedVector(secret: String, milliseconds: Int64, base64: String, encoded: String) {
        // given
        let signer = DingTalkRobotSigner(secret: secret)
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)

        // then
        #expect(signer.sign(timestampMilliseconds: milliseconds) == base64)
        #expect(signer.querySuffix(date: date) == "&timestamp=\(milliseconds)&sign=\(encoded)")
        #expect(!"\(signer)".contains("SEC"))
    }

    @Test func signedRequestAppendsTimestampAndSignToTheWebhook() throws {
        // given
        let robot = try Self.robot(.signed(secret: "SECtest123"))

        // when
        let request = try robot.request(for: .text("新工单 #1001"), now: Date(timeIntervalSince1970: 1_700_000_000))

        // then
        #expect(
            request.url
                == "\(Self.webhook)&timestamp=1700000000000&sign=w3RMHXzixTMdzr8OHJUmVLS4IoPJVdu%2BUt1LE48MePE%3D")
        #expect(request.method == "POST")
        #expect(request.headerValue("Content-Type") == "application/json;charset=utf-8")
    }

    @Test func pastedSignedURLLosesItsStaleSignature() throws {
        let robot = try DingTalkGroupRobot(
            webhookURL: Self.webhook + "&timestamp=1&sign=old", security: .signed(secret: "SECtest123"),
            transport: UnusedTransport())
        let request = try robot.request(for: .text("x"), now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(request.url.components(separatedBy: "timestamp=").count == 2)
        #expect(!request.url.contains("sign=old"))
    }

    @Test func textCarriesMentionsAndEveryMobileAppearsInTheContent() throws {
        // given: one mobile already written in the text, one not
        let mention = DingTalkMention(mobiles: ["13800001111", "13900002222"], userIDs: ["manager01"])
        let message = DingTalkRobotMessage.text("请 @13800001111 处理工单 #1001", mention: mention)

        // when
        let json = Self.json(try Self.robot().request(for: message))

        // then
        #expect(json["msgtype"] as? String == "text")
        let content = (json["text"] as? [String: Any])?["content"] as? String
        #expect(content == "请 @13800001111 处理工单 #1001 @13900002222 @manager01")
        let at = json["at"] as? [String: Any]
        #expect(at?["atMobiles"] as? [String] == ["13800001111", "13900002222"])
        #expect(at?["atUserIds"] as? [String] == ["manager01"])
        #expect(VendorJSON.scalarText(at?["isAtAll"]) == "false")
    }

    @Test func markdownCarriesTitleTextAndAtAll() throws {
        let message = DingTalkRobotMessage.markdown(
            title: "SLA 即将超时", text: "### 工单 #1001\n> 剩余 10 分钟", mention: DingTalkMention(everyone: true))
        let json = Self.json(try Self.robot().request(for: message))
        #expect(json["msgtype"] as? String == "markdown")
        let markdown = json["markdown"] as? [String: Any]
        #expect(markdown?["title"] as? String == "SLA 即将超时")
        #expect(markdown?["text"] as? String == "### 工单 #1001\n> 剩余 10 分钟")
        #expect(VendorJSON.scalarText((json["at"] as? [String: Any])?["isAtAll"]) == "true")
    }

    @Test func singleButtonActionCardLinksToTheTicket() throws {
        let card = DingTalkActionCard.ticket(
            title: "工单 #1001", text: "客户回复了", url: "https://concierge.example/tickets/1001")
        let json = Self.json(try Self.robot().request(for: .actionCard(card)))
        let object = json["actionCard"] as? [String: Any]
        #expect(json["msgtype"] as? String == "actionCard")
        #expect(object?["singleTitle"] as? String == "查看工单")
        #expect(object?["singleURL"] as? String == "https://concierge.example/tickets/1001")
        #expect(object?["btns"] == nil)
    }

    @Test func multiButtonActionCardListsButtonsInOrder() throws {
        let card = DingTalkActionCard(
            title: "工单 #1001", text: "请选择",
            buttons: [.init(title: "接单", url: "https://c.example/a"), .init(title: "转派", url: "https://c.example/b")],
            orientation: .horizontal)
        let object = Self.json(try Self.robot().request(for: .actionCard(card)))["actionCard"] as? [String: Any]
        let buttons = object?["btns"] as? [[String: String]]
        #expect(
            buttons == [
                ["title": "接单", "actionURL": "https://c.example/a"],
                ["title": "转派", "actionURL": "https://c.example/b"],
            ])
        #expect(object?["btnOrientation"] as? String == "1")
        #expect(object?["singleTitle"] == nil)
    }

    @Test(arguments: [
        (DingTalkRobotMessage.text("新工单 #1001"), true),
        (.text("New ticket"), false),
        (.markdown(title: "工单", text: "no keyword in the body"), false),
        (.markdown(title: "x", text: "SLA 告警: 工单 #1"), true),
        (.actionCard(.ticket(title: "工单", text: "see the card", url: "https://c.example")), false),
        (.actionCard(.ticket(title: "x", text: "告警", url: "https://c.example")), true),
    ])
    func keywordModeRefusesMessagesWithoutAnyKeywordBeforeSending(message: DingTalkRobotMessage, sendable: Bool) throws
    {
        let robot = try Self.robot(.keywords(["工单", "告警"]))
        if sendable {
            _ = try robot.request(for: message)
        } else {
            #expect(throws: DingTalkMessageError.keywordMissing(keywords: ["工单", "告警"])) {
                try robot.request(for: message)
            }
        }
    }

    @Test func keywordRefusalSaysWhatToFix() async throws {
        let robot = try Self.robot(.keywords(["工单"]))
        let outcome = await robot.send(.text("hello"))
        guard case .permanent(let reason) = outcome else {
            Issue.record("expected permanent, got \(outcome)")
            return
        }
        #expect(reason.contains("工单") && reason.contains("310000"))
    }

    @Test(arguments: [
        DingTalkRobotMessage.text(""), .markdown(title: "", text: "x"), .markdown(title: "x", text: ""),
        .actionCard(DingTalkActionCard(title: "t", text: "x", buttons: [])),
        .actionCard(DingTalkActionCard(title: "t", text: "x", buttons: [.init(title: "", url: "https://c")])),
    ])
    func incompleteMessagesAreRefused(message: DingTalkRobotMessage) throws {
        let robot = try Self.robot()
        #expect(throws: DingTalkMessageError.self) { try robot.request(for: message) }
    }

    @Test(arguments: [
        "https://oapi.dingtalk.com/robot/send", "https://oapi.dingtalk.com/robot/send?access_token=",
        "ftp://oapi.dingtalk.com/robot/send?access_token=x", "oapi.dingtalk.com/robot/send?access_token=x", "",
    ])
    func webhookWithoutSchemeHostOrTokenIsRefused(url: String) {
        #expect(throws: DingTalkMessageError.invalidWebhookURL) {
            try DingTalkGroupRobot(webhookURL: url, security: .ipAllowList, transport: UnusedTransport())
        }
    }

    @Test func descriptionNeverShowsTheTokenOrSecret() throws {
        let robot = try Self.robot(DingTalkRobotSecurity(signingSecret: "SECsecret", keywords: ["工单"]))
        let text = "\(robot)"
        #expect(!text.contains("0123abcd") && !text.contains("SECsecret"))
        #expect(text.contains("oapi.dingtalk.com/robot/send") && text.contains("signed+keywords"))
    }

    @Test func documentedLimitsAreExposed() {
        #expect(DingTalkRobotLimits.messagesPerMinute == 20)
        #expect(DingTalkRobotLimits.throttlePenalty == .seconds(600))
    }
}
