import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("DingTalk app robot messages and answers")
struct DingTalkAppRobotMessageTests {
    static func parameters(_ message: DingTalkAppRobotMessage) throws -> [String: Any] {
        VendorJSON.object(Array(try message.msgParam().utf8)) ?? [:]
    }

    static let buttons = (1...5).map { DingTalkActionCard.Button(title: "按钮\($0)", url: "https://c.example/\($0)") }

    @Test func textAndMarkdownUseTheSampleTemplates() throws {
        #expect(DingTalkAppRobotMessage.text("x").msgKey == "sampleText")
        #expect(try Self.parameters(.text("新工单 \"#1\"")) as? [String: String] == ["content": "新工单 \"#1\""])
        #expect(DingTalkAppRobotMessage.markdown(title: "t", text: "x").msgKey == "sampleMarkdown")
        #expect(
            try Self.parameters(.markdown(title: "标题", text: "**正文**")) as? [String: String] == [
                "title": "标题", "text": "**正文**",
            ])
    }

    @Test(arguments: 1...5)
    func actionCardPicksTheTemplateForItsButtonCount(count: Int) throws {
        // given
        let card = DingTalkActionCard(title: "工单", text: "详情", buttons: Array(Self.buttons.prefix(count)))
        let message = DingTalkAppRobotMessage.actionCard(card)

        // when
        let parameters = try Self.parameters(message) as? [String: String]

        // then
        if count == 1 {
            #expect(message.msgKey == "sampleActionCard")
            #expect(
                parameters == ["title": "工单", "text": "详情", "singleTitle": "按钮1", "singleURL": "https://c.example/1"])
        } else {
            #expect(message.msgKey == "sampleActionCard\(count)")
            #expect(parameters?["actionTitle\(count)"] == "按钮\(count)")
            #expect(parameters?["actionURL\(count)"] == "https://c.example/\(count)")
            #expect(parameters?.count == 2 + 2 * count)
        }
    }

    @Test func sixButtonsAreTooMany() {
        let card = DingTalkActionCard(title: "t", text: "x", buttons: Self.buttons + [Self.buttons[0]])
        #expect(throws: DingTalkMessageError.tooManyButtons(limit: 5)) {
            try DingTalkAppRobotMessage.actionCard(card).msgParam()
        }
    }

    @Test func parametersOverFifteenThousandBytesAreRefused() {
        let message = DingTalkAppRobotMessage.text(String(repeating: "工", count: 5_000))
        #expect(throws: DingTalkMessageError.messageTooLong(limitBytes: 15_000)) { try message.msgParam() }
    }

    @Test func requestCarriesTokenHeaderAndMsgParamAsAString() throws {
        // given
        let robot = DingTalkAppRobot(
            robotCode: "dingrobot",
            tokens: DingTalkAccessTokenProvider(
                credentials: DingTalkAppCredentials(appKey: "k", appSecret: "s"), transport: UnusedTransport()),
            transport: UnusedTransport(), baseURL: "http://127.0.0.1:9/")

        // when
        let request = try robot.request(for: .text("你好"), conversationID: "cid123==", accessToken: "tok")

        // then
        #expect(request.url == "http://127.0.0.1:9/v1.0/robot/groupMessages/send")
        #expect(request.headerValue("x-acs-dingtalk-access-token") == "tok")
        let body = VendorJSON.object(request.body)
        #expect(body?["msgParam"] as? String == #"{"content":"你好"}"#)
        #expect(body?["msgKey"] as? String == "sampleText")
        #expect(body?["openConversationId"] as? String == "cid123==")
        #expect(body?["robotCode"] as? String == "dingrobot")
        #expect(throws: DingTalkMessageError.missingRecipient) {
            try robot.request(for: .text("x"), conversationID: "", accessToken: "tok")
        }
    }

    static func answer(_ status: Int, _ body: String, retryAfter: String? = nil) -> ConnectorHTTPResponse {
        ConnectorHTTPResponse(
            status: status, headers: retryAfter.map { [ConnectorHTTPHeader("Retry-After", $0)] } ?? [],
            body: Array(body.utf8))
    }

    enum Expected: Sendable, Equatable {
        case delivered
        case retryable(Duration?)
        case permanent
    }

    @Test(arguments: [
        (200, #"{"processQueryKey":"abc"}"#, nil, Expected.delivered),
        (200, "{}", nil, .delivered),
        (200, "<html>", nil, .retryable(nil)),
        (200, #"{"code":"send.too.fast","message":"发送太快"}"#, nil, .retryable(.seconds(60))),
        (429, #"{"code":"Throttling","message":"x"}"#, nil, .retryable(.seconds(60))),
        (429, "", "3", .retryable(.seconds(3))),
        (403, #"{"code":"Forbidden.AccessDenied.QpsLimitForApi","message":"qps"}"#, nil, .retryable(.seconds(1))),
        (
            403, #"{"code":"Forbidden.AccessDenied.QpmLimitForAppkeyAndApi","message":"qpm"}"#, nil,
            .retryable(.seconds(60))
        ),
        (500, #"{"code":"systemError","message":"x"}"#, nil, .retryable(nil)),
        (503, "", "30", .retryable(.seconds(30))),
        (400, #"{"code":"invalidParameter.robotCode.notExsit","message":"机器人不存在"}"#, nil, .permanent),
        (400, #"{"code":"invalid.openConversationId","message":"x"}"#, nil, .permanent),
        (400, #"{"code":"bot.stopped","message":"x"}"#, nil, .permanent),
        (403, #"{"code":"Forbidden.AccessDenied.AccessTokenPermissionDenied","message":"x"}"#, nil, .permanent),
        (401, #"{"code":"InvalidAuthentication","message":"不合法的access_token"}"#, nil, .permanent),
        (404, "", nil, .permanent),
    ])
    func answersAreClassifiedByStatusAndCode(status: Int, body: String, retryAfter: String?, expected: Expected) {
        let outcome = DingTalkAppReplyClassifier.outcome(for: Self.answer(status, body, retryAfter: retryAfter))
        switch (outcome, expected) {
        case (.delivered, .delivered), (.permanent, .permanent): break
        case (.retryable(_, let wait), .retryable(let expectedWait)): #expect(wait == expectedWait)
        default: Issue.record("HTTP \(status) \(body) gave \(outcome), expected \(expected)")
        }
    }

    @Test(arguments: [
        (401, "", true), (400, #"{"code":"InvalidAuthentication"}"#, true),
        (403, #"{"code":"invalidAccessToken"}"#, true),
        (403, #"{"code":"Forbidden.AccessDenied.AccessTokenPermissionDenied"}"#, false), (400, "{}", false),
        (200, "{}", false),
    ])
    func onlyTokenProblemsAskForAFreshToken(status: Int, body: String, refresh: Bool) {
        #expect(DingTalkAppReplyClassifier.isAuthenticationFailure(Self.answer(status, body)) == refresh)
    }

    @Test func credentialsNeverPrintTheSecret() {
        let text = "\(DingTalkAppCredentials(appKey: "dingkey", appSecret: "topsecret"))"
        #expect(text.contains("dingkey") && !text.contains("topsecret"))
    }
}
