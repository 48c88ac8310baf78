import ConciergeDomain
import Foundation
import Testing

@Suite("InboundWebhookSignature")
struct IntakeSignatureTests {
    private let body = Array(#"{"status":"firing","alerts":[{"fingerprint":"c0ffee"}]}"#.utf8)
    private let signedAt: Int64 = 1_750_000_000
    private var now: Date { Date(timeIntervalSince1970: TimeInterval(signedAt)) }

    private func failure(_ body: () throws(InboundWebhookSignatureFailure) -> Void) -> InboundWebhookSignatureFailure? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    @Test("a header signed with the configured secret passes")
    func validSignature() throws {
        // given
        let header = InboundWebhookSignature.header(timestamp: signedAt, body: body, secrets: ["whsec_current"])
        let verifier = InboundWebhookSignature(secrets: ["whsec_current"])
        // when / then
        try verifier.verify(header: header, body: body, now: now)
    }

    @Test("the header has the documented shape t=<unix>,v1=<64 lowercase hex>")
    func headerShape() {
        let header = InboundWebhookSignature.header(timestamp: signedAt, body: body, secrets: ["s"])
        let parts = header.split(separator: ",")
        #expect(parts.first == "t=1750000000")
        #expect(parts.count == 2 && parts[1].hasPrefix("v1=") && parts[1].count == 67)
        #expect(parts[1].dropFirst(3).allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test("the signature is HMAC-SHA256 of \"<t>.<body>\" (matches an independently computed value)")
    func knownSignature() {
        // given: HMAC-SHA256(key "key", "1.{}") computed with openssl
        let header = InboundWebhookSignature.header(timestamp: 1, body: Array("{}".utf8), secrets: ["key"])
        // then
        #expect(header == "t=1,v1=" + "1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224")
    }

    @Test("during a rotation any configured secret matching any v1 entry passes")
    func rotatedSecrets() throws {
        // given: the sender still signs with the old secret only; the receiver holds both
        let oldOnly = InboundWebhookSignature.header(timestamp: signedAt, body: body, secrets: ["old"])
        let both = InboundWebhookSignature.header(timestamp: signedAt, body: body, secrets: ["new", "old"])
        let verifier = InboundWebhookSignature(secrets: ["new", "old"])
        // when / then
        try verifier.verify(header: oldOnly, body: body, now: now)
        try verifier.verify(header: both, body: body, now: now)
        try InboundWebhookSignature(secrets: ["old"]).verify(header: both, body: body, now: now)
    }

    @Test("a secret the receiver does not hold fails with signature_mismatch")
    func wrongSecret() {
        let header = InboundWebhookSignature.header(timestamp: signedAt, body: body, secrets: ["other"])
        let error = failure { () throws(InboundWebhookSignatureFailure) in
            try InboundWebhookSignature(secrets: ["mine"]).verify(header: header, body: body, now: now)
        }
        #expect(error == .noMatchingSignature)
        #expect(error?.code == "signature_mismatch")
    }

    @Test("a tampered body fails even by one byte")
    func tamperedBody() {
        // given
        let header = InboundWebhookSignature.header(timestamp: signedAt, body: body, secrets: ["s"])
        let tampered = Array(#"{"status":"firing","alerts":[{"fingerprint":"c0ffef"}]}"#.utf8)
        // when
        let error = failure { () throws(InboundWebhookSignatureFailure) in
            try InboundWebhookSignature(secrets: ["s"]).verify(header: header, body: tampered, now: now)
        }
        // then
        #expect(error == .noMatchingSignature)
    }

    @Test("a stale timestamp beyond 300 s is a replay; the edge itself passes")
    func staleTimestamp() throws {
        // given
        let header = InboundWebhookSignature.header(timestamp: signedAt, body: body, secrets: ["s"])
        let verifier = InboundWebhookSignature(secrets: ["s"])
        // when / then
        try verifier.verify(header: header, body: body, now: now.addingTimeInterval(300))
        let error = failure { () throws(InboundWebhookSignatureFailure) in
            try verifier.verify(header: header, body: body, now: now.addingTimeInterval(301))
        }
        #expect(error == .timestampOutsideWindow(skewSeconds: -301, windowSeconds: 300))
        #expect(error?.code == "timestamp_outside_window")
        #expect(error?.description.contains("301 s old") == true)
    }

    @Test("a timestamp further in the future than the window fails")
    func futureTimestamp() {
        let header = InboundWebhookSignature.header(timestamp: signedAt + 600, body: body, secrets: ["s"])
        let error = failure { () throws(InboundWebhookSignatureFailure) in
            try InboundWebhookSignature(secrets: ["s"]).verify(header: header, body: body, now: now)
        }
        #expect(error == .timestampOutsideWindow(skewSeconds: 600, windowSeconds: 300))
    }

    @Test("a custom window applies")
    func customWindow() throws {
        let header = InboundWebhookSignature.header(timestamp: signedAt, body: body, secrets: ["s"])
        let verifier = InboundWebhookSignature(secrets: ["s"], windowSeconds: 30)
        let error = failure { () throws(InboundWebhookSignatureFailure) in
            try verifier.verify(header: header, body: body, now: now.addingTimeInterval(31))
        }
        #expect(error == .timestampOutsideWindow(skewSeconds: -31, windowSeconds: 30))
    }

    @Test("a missing or blank header is missing_signature", arguments: [nil, "", "   "] as [String?])
    func missingHeader(header: String?) {
        let error = failure { () throws(InboundWebhookSignatureFailure) in
            try InboundWebhookSignature(secrets: ["s"]).verify(header: header, body: body, now: now)
        }
        #expect(error == .missingHeader)
        #expect(error?.code == "missing_signature")
    }

    @Test(
        "a malformed header is malformed_signature",
        arguments: [
            "v1=" + String(repeating: "a", count: 64),
            "t=1750000000",
            "t=1750000000,v1=abc",
            "t=1750000000,v1=" + String(repeating: "g", count: 64),
            "t=-5,v1=" + String(repeating: "a", count: 64),
            "t=17500.5,v1=" + String(repeating: "a", count: 64),
            "t=1,t=2,v1=" + String(repeating: "a", count: 64),
            "garbage",
        ])
    func malformedHeader(header: String) {
        let error = failure { () throws(InboundWebhookSignatureFailure) in
            try InboundWebhookSignature(secrets: ["s"]).verify(header: header, body: body, now: now)
        }
        #expect(error == .malformedHeader)
        #expect(error?.code == "malformed_signature")
    }

    @Test("unknown schemes, spaces and upper-case hex are tolerated")
    func tolerantParsing() throws {
        // given
        let signed = InboundWebhookSignature.header(timestamp: signedAt, body: body, secrets: ["s"])
        let signature = signed.split(separator: ",")[1].dropFirst(3).uppercased()
        let header = "t=\(signedAt), v0=deadbeef , v1=\(signature)"
        // when / then
        try InboundWebhookSignature(secrets: ["s"]).verify(header: header, body: body, now: now)
    }

    @Test("a stale forgery is reported as a forgery: the signature is checked first")
    func signatureBeforeClock() {
        let header = InboundWebhookSignature.header(timestamp: signedAt - 9_999, body: body, secrets: ["x"])
        let error = failure { () throws(InboundWebhookSignatureFailure) in
            try InboundWebhookSignature(secrets: ["s"]).verify(header: header, body: body, now: now)
        }
        #expect(error == .noMatchingSignature)
    }

    @Test("the verifier's description never shows its secrets")
    func descriptionHidesSecrets() {
        let verifier = InboundWebhookSignature(secrets: ["whsec_topsecret"])
        #expect(!"\(verifier)".contains("topsecret"))
        #expect("\(verifier)".contains("1 secret"))
    }
}
