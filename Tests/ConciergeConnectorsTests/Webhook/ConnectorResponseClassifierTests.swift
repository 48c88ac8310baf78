import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("HTTP status classification")
struct ConnectorResponseClassifierTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT

    static func response(_ status: Int, retryAfter: String? = nil) -> ConnectorHTTPResponse {
        ConnectorHTTPResponse(
            status: status, headers: retryAfter.map { [ConnectorHTTPHeader("Retry-After", $0)] } ?? [], body: [])
    }

    enum Expected: Sendable { case delivered, retryable, permanent }

    @Test(arguments: [
        (200, Expected.delivered), (201, .delivered), (202, .delivered), (204, .delivered), (299, .delivered),
        (408, .retryable), (425, .retryable), (429, .retryable), (500, .retryable), (502, .retryable),
        (503, .retryable), (599, .retryable), (400, .permanent), (401, .permanent), (403, .permanent),
        (404, .permanent), (410, .permanent), (413, .permanent), (422, .permanent), (301, .permanent),
        (302, .permanent), (304, .permanent), (307, .permanent), (100, .permanent), (600, .permanent),
    ])
    func statusDecidesTheOutcome(status: Int, expected: Expected) {
        let outcome = ConnectorResponseClassifier.outcome(for: Self.response(status), peer: "webhook", now: Self.now)
        switch (outcome, expected) {
        case (.delivered, .delivered), (.retryable(_, nil), .retryable), (.permanent, .permanent): break
        default: Issue.record("HTTP \(status) gave \(outcome), expected \(expected)")
        }
    }

    @Test(arguments: [
        ("120", Duration.seconds(120)), (" 0 ", .seconds(0)),
        ("Tue, 14 Nov 2023 22:14:20 GMT", .seconds(60)),
        ("Tuesday, 14-Nov-23 22:15:20 GMT", .seconds(120)),
        ("Tue Nov 14 22:13:50 2023", .seconds(30)),
        ("Tue, 14 Nov 2023 22:00:00 GMT", .seconds(0)),
    ])
    func retryAfterIsHonouredInSecondsAndAsHTTPDate(value: String, wait: Duration) {
        let outcome = ConnectorResponseClassifier.outcome(
            for: Self.response(503, retryAfter: value), peer: "webhook", now: Self.now)
        #expect(outcome == .retryable(reason: "webhook answered HTTP 503", retryAfter: wait))
    }

    @Test(arguments: ["soon", "-5", "1.5", "", "99999999999999999999999"])
    func unreadableRetryAfterIsIgnored(value: String) {
        let outcome = ConnectorResponseClassifier.outcome(
            for: Self.response(429, retryAfter: value), peer: "webhook", now: Self.now)
        #expect(outcome == .retryable(reason: "webhook answered HTTP 429", retryAfter: nil))
    }

    @Test(arguments: [
        (ConnectorHTTPError.timedOut, true), (.connectionFailed("refused"), true),
        (.nameResolutionFailed(host: "x"), true), (.protocolViolation("bad"), true),
        (.invalidURL("x"), false), (.blockedDestination(host: "10.0.0.1", reason: "private"), false),
        (.tlsFailure("expired"), false), (.responseTooLarge(limit: 1), false), (.tooManyRedirects, false),
    ])
    func transportErrorsFollowTheirRetryability(error: ConnectorHTTPError, retryable: Bool) {
        switch ConnectorResponseClassifier.outcome(for: error, peer: "webhook") {
        case .retryable: #expect(retryable)
        case .permanent: #expect(!retryable)
        case .delivered: Issue.record("a transport error cannot be a delivery")
        }
    }
}
