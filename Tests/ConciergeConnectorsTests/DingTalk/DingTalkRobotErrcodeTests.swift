import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("DingTalk custom robot errcodes")
struct DingTalkRobotErrcodeTests {
    static func answer(_ body: String, status: Int = 200, headers: [ConnectorHTTPHeader] = []) -> ConnectorHTTPResponse
    {
        ConnectorHTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    }

    @Test func errcodeZeroIsTheOnlySuccess() {
        let outcome = DingTalkGroupRobot.classify(Self.answer(#"{"errcode":0,"errmsg":"ok"}"#))
        #expect(outcome == .delivered(summary: "dingtalk errcode 0: ok"))
    }

    @Test(arguments: [
        (-1, true, nil), (130_101, true, Duration.seconds(600)), (410_100, true, .seconds(600)),
        (310_000, false, nil), (300_001, false, nil), (300_005, false, nil), (400_013, false, nil),
        (400_101, false, nil), (400_102, false, nil), (400_105, false, nil), (400_106, false, nil),
        (430_101, false, nil), (430_102, false, nil), (430_103, false, nil), (430_104, false, nil),
    ])
    func everyDocumentedCodeHasItsDisposition(code: Int, retryable: Bool, wait: Duration?) {
        // given
        let response = Self.answer(#"{"errcode":\#(code),"errmsg":"原因"}"#)

        // when
        let outcome = DingTalkGroupRobot.classify(response)

        // then
        switch outcome {
        case .retryable(let reason, let retryAfter):
            #expect(retryable)
            #expect(retryAfter == wait)
            #expect(reason.hasPrefix("dingtalk errcode \(code) (") && reason.hasSuffix(": 原因"))
        case .permanent(let reason):
            #expect(!retryable)
            #expect(reason.hasPrefix("dingtalk errcode \(code) (") && reason.hasSuffix(": 原因"))
        case .delivered:
            Issue.record("non-zero errcode \(code) must never be a success")
        }
    }

    @Test func everyRuleIsCoveredByTheTableTest() {
        #expect(DingTalkRobotErrcodes.rules.count == 15)
    }

    @Test func unknownNonZeroCodeIsPermanentWithTheVendorsMessage() {
        let outcome = DingTalkGroupRobot.classify(Self.answer(#"{"errcode":999999,"errmsg":"something new"}"#))
        #expect(outcome == .permanent(reason: "dingtalk errcode 999999 (not in the documented table): something new"))
    }

    @Test func securityRefusalNamesTheCheckThatFailed() {
        let outcome = DingTalkGroupRobot.classify(
            Self.answer(#"{"errcode":310000,"errmsg":"keywords not in content"}"#))
        guard case .permanent(let reason) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(reason.contains("keywords not in content"))
    }

    @Test(arguments: ["", "<html>502 Bad Gateway</html>", "{\"errmsg\":\"ok\"}", "{\"errcode\":", "[]"])
    func garbageWithHTTP200IsARetryableProtocolProblem(body: String) {
        guard case .retryable(let reason, nil) = DingTalkGroupRobot.classify(Self.answer(body)) else {
            Issue.record("garbage must be retryable")
            return
        }
        #expect(reason.contains("protocol problem"))
    }

    @Test func non200FollowsHTTPRulesAndKeepsTheErrcode() {
        let throttled = DingTalkGroupRobot.classify(
            Self.answer(
                #"{"errcode":-1,"errmsg":"busy"}"#, status: 503, headers: [ConnectorHTTPHeader("Retry-After", "7")]))
        #expect(
            throttled == .retryable(reason: "dingtalk answered HTTP 503; errcode -1: busy", retryAfter: .seconds(7)))
        let missing = DingTalkGroupRobot.classify(Self.answer("not found", status: 404))
        #expect(missing == .permanent(reason: "dingtalk refused the request with HTTP 404"))
    }
}
