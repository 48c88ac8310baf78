import Foundation
import Testing

@testable import ConciergeConnectors

/// Vectors computed independently with Python's standard library:
///
///     import hmac, hashlib
///     hmac.new(b"whsec_test", b"1700000000." + body, hashlib.sha256).hexdigest()
@Suite("Webhook signatures")
struct WebhookSignatureTests {
    static let body = Array(#"{"event":"ticket.created","id":1}"#.utf8)
    static let signedAt = Date(timeIntervalSince1970: 1_700_000_000)
    static let current = "343bfd5ebae6c5f238b39fc26feca13b8db2d40b218da617fce17f2ec7f59a8e"
    static let previous = "fe36882264d0f2d65f1f43f708338541628fd13d3b108374008245cb2fd5d8f1"

    @Test(arguments: [
        (
            "whsec_test", #"{"event":"ticket.created","id":1}"#,
            "343bfd5ebae6c5f238b39fc26feca13b8db2d40b218da617fce17f2ec7f59a8e"
        ),
        (
            "whsec_old", #"{"event":"ticket.created","id":1}"#,
            "fe36882264d0f2d65f1f43f708338541628fd13d3b108374008245cb2fd5d8f1"
        ),
        ("whsec_test", #"{"subject":"您的工单已更新"}"#, "7150f9ded808b109cee0afc6aa09cb9b7b49d7a90244a44d392571c8e5562195"),
    ])
    func signatureMatchesIndependentlyComputedVector(secret: String, body: String, hex: String) {
        // when
        let signature = WebhookSigner(secret: secret).signature(timestamp: 1_700_000_000, body: Array(body.utf8))

        // then
        #expect(signature == "v1=\(hex)")
    }

    @Test func rotationSignsWithBothSecretsNewestFirst() {
        // given
        let signer = WebhookSigner(secret: "whsec_test", additionalSecret: "whsec_old")

        // when
        let headers = signer.headers(body: Self.body, date: Self.signedAt)

        // then
        #expect(headers.first { $0.name == WebhookHeaders.timestamp }?.value == "1700000000")
        #expect(
            headers.first { $0.name == WebhookHeaders.signature }?.value == "v1=\(Self.current),v1=\(Self.previous)")
        #expect(signer.secretCount == 2)
        #expect(!"\(signer)".contains("whsec"))
    }

    @Test(arguments: [["whsec_test"], ["whsec_old"], ["whsec_old", "whsec_test"], ["other", "whsec_test"]])
    func receiverWithEitherSecretAcceptsARotatingSender(receiverSecrets: [String]) throws {
        // given
        let signer = WebhookSigner(secret: "whsec_test", additionalSecret: "whsec_old")
        let signature = signer.signature(timestamp: 1_700_000_000, body: Self.body)

        // when / then
        try WebhookSignatureVerifier(secrets: receiverSecrets).verify(
            signature: signature, timestamp: "1700000000", body: Self.body, now: Self.signedAt)
    }

    @Test(arguments: [
        (0, true), (300, true), (-300, true), (301, false), (-301, false), (86_400, false),
    ])
    func replayWindowAcceptsItsEdgesInBothDirections(offsetSeconds: Int, accepted: Bool) {
        // given: the receiver's clock is offset from the signing time
        let verifier = WebhookSignatureVerifier(secrets: ["whsec_test"])
        let now = Self.signedAt.addingTimeInterval(TimeInterval(offsetSeconds))

        // when
        let result = Result { () throws(WebhookVerificationFailure) in
            try verifier.verify(signature: "v1=\(Self.current)", timestamp: "1700000000", body: Self.body, now: now)
        }

        // then
        switch result {
        case .success: #expect(accepted)
        case .failure(let failure):
            #expect(!accepted)
            #expect(failure == .timestampOutsideTolerance(skewSeconds: Int64(-offsetSeconds), toleranceSeconds: 300))
        }
    }

    @Test func customToleranceNarrowsTheWindow() {
        let verifier = WebhookSignatureVerifier(secrets: ["whsec_test"], tolerance: .seconds(30))
        #expect(throws: WebhookVerificationFailure.timestampOutsideTolerance(skewSeconds: -31, toleranceSeconds: 30)) {
            try verifier.verify(
                signature: "v1=\(Self.current)", timestamp: "1700000000", body: Self.body,
                now: Self.signedAt.addingTimeInterval(31))
        }
    }

    @Test(
        arguments: [
            (nil, "1700000000", WebhookVerificationFailure.missingSignature),
            ("  ", "1700000000", .missingSignature),
            ("v1=\(current)", nil, .missingTimestamp),
            ("v1=\(current)", "", .malformedTimestamp),
            ("v1=\(current)", "-1700000000", .malformedTimestamp),
            ("v1=\(current)", "1700000000.5", .malformedTimestamp),
            ("v1=\(current)", "17000000000000000000000", .malformedTimestamp),
            ("sha256=\(current)", "1700000000", .malformedSignature),
            ("v1=xyz", "1700000000", .malformedSignature),
            ("v1=\(String(current.dropLast()))", "1700000000", .malformedSignature),
            ("v1=\(String(current.dropLast()))g", "1700000000", .malformedSignature),
            ("v1=\(previous)", "1700000000", .signatureMismatch),
            ("v1=\(current)", "1700000001", .signatureMismatch),
        ] as [(String?, String?, WebhookVerificationFailure)])
    func malformedOrWrongDeliveriesAreRefusedWithAClearReason(
        signature: String?, timestamp: String?, failure: WebhookVerificationFailure
    ) {
        let verifier = WebhookSignatureVerifier(secrets: ["whsec_test"])
        #expect(throws: failure) {
            try verifier.verify(signature: signature, timestamp: timestamp, body: Self.body, now: Self.signedAt)
        }
        #expect(!failure.description.isEmpty)
    }

    @Test func alteredBodyIsRefused() {
        // given: the receiver re-serialised the JSON (spaces) before verifying
        let reformatted = Array(#"{"event": "ticket.created", "id": 1}"#.utf8)

        // then
        #expect(throws: WebhookVerificationFailure.signatureMismatch) {
            try WebhookSignatureVerifier(secrets: ["whsec_test"]).verify(
                signature: "v1=\(Self.current)", timestamp: "1700000000", body: reformatted, now: Self.signedAt)
        }
    }

    @Test func unknownSchemesAndUppercaseHexAreTolerated() throws {
        // given: a future sender adds a v2 entry; an intermediary upper-cased the hex
        let header = "v2=abc, v1=\(Self.current.uppercased())"

        // then
        try WebhookSignatureVerifier(secrets: ["whsec_test"]).verify(
            signature: header, timestamp: "1700000000", body: Self.body, now: Self.signedAt)
    }

    @Test func verifierReadsHeadersCaseInsensitively() throws {
        let headers = [
            ConnectorHTTPHeader("x-concierge-timestamp", "1700000000"),
            ConnectorHTTPHeader("X-CONCIERGE-SIGNATURE", "v1=\(Self.current)"),
        ]
        try WebhookSignatureVerifier(secrets: ["whsec_test"]).verify(
            headers: headers, body: Self.body, now: Self.signedAt)
    }

    @Test func failureReasonSaysWhetherTheTimestampIsOldOrInTheFuture() {
        let old = WebhookVerificationFailure.timestampOutsideTolerance(skewSeconds: -900, toleranceSeconds: 300)
        let future = WebhookVerificationFailure.timestampOutsideTolerance(skewSeconds: 900, toleranceSeconds: 300)
        #expect(old.description.contains("900 s old"))
        #expect(future.description.contains("900 s in the future"))
    }
}
