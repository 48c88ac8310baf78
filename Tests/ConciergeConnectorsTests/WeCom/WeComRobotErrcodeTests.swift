import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("WeCom group robot errcodes")
struct WeComRobotErrcodeTests {
    static func answer(_ body: String, status: Int = 200) -> ConnectorHTTPResponse {
        ConnectorHTTPResponse(status: status, headers: [], body: Array(body.utf8))
    }

    @Test func errcodeZeroIsTheOnlySuccess() {
        #expect(
            WeComGroupRobot.classify(Self.answer(#"{"errcode":0,"errmsg":"ok"}"#))
                == .delivered(summary: "wecom errcode 0: ok"))
    }

    @Test(arguments: [
        (-1, true, nil), (45_009, true, Duration.seconds(60)), (45_033, true, nil), (93_000, false, nil),
        (93_004, false, nil), (93_008, false, nil), (40_008, false, nil), (40_058, false, nil), (44_004, false, nil),
        (45_002, false, nil),
    ])
    func everyDocumentedCodeHasItsDisposition(code: Int, retryable: Bool, wait: Duration?) {
        let outcome = WeComGroupRobot.classify(
            Self.answer(#"{"errcode":\#(code),"errmsg":"invalid webhook url, hint: [x]"}"#))
        switch outcome {
        case .retryable(let reason, let retryAfter):
            #expect(retryable && retryAfter == wait)
            #expect(reason.hasPrefix("wecom errcode \(code) ("))
        case .permanent(let reason):
            #expect(!retryable)
            #expect(reason.hasPrefix("wecom errcode \(code) ("))
        case .delivered:
            Issue.record("non-zero errcode \(code) must never be a success")
        }
    }

    @Test func everyRuleIsCoveredByTheTableTest() {
        #expect(WeComRobotErrcodes.rules.count == 10)
    }

    @Test func unknownNonZeroCodeIsPermanent() {
        #expect(
            WeComGroupRobot.classify(Self.answer(#"{"errcode":60020,"errmsg":"not allow to access from your ip"}"#))
                == .permanent(
                    reason: "wecom errcode 60020 (not in the documented table): not allow to access from your ip"))
    }

    @Test(arguments: ["", "<html>", "{}", "{\"errcode\":\"x\"}"])
    func garbageWithHTTP200IsARetryableProtocolProblem(body: String) {
        guard case .retryable(let reason, nil) = WeComGroupRobot.classify(Self.answer(body)) else {
            Issue.record("garbage must be retryable")
            return
        }
        #expect(reason.contains("protocol problem"))
    }
}
