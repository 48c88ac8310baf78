import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("REST authentication: HMAC string-to-sign, Yonyou signature, redaction")
struct RESTAuthTests {
    @Test("HMAC string-to-sign joins method, path and query, timestamp and body hash")
    func hmacStringToSign() {
        // given / when
        let text = HMACSigningKey.stringToSign(
            method: "post", pathAndQuery: "/api/v1/orders?page=2", timestamp: 1_714_550_400,
            body: Array(#"{"a":1}"#.utf8))

        // then: the vector computed with Python's hashlib
        #expect(
            text == "POST\n/api/v1/orders?page=2\n1714550400\n"
                + "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862")
    }

    @Test("HMAC signature matches an independently computed vector")
    func hmacSignatureVector() {
        // given
        let key = HMACSigningKey(keyID: "k1", secret: "s3cr3t")

        // when
        let signature = key.signature(
            method: "POST", pathAndQuery: "/api/v1/orders?page=2", timestamp: 1_714_550_400,
            body: Array(#"{"a":1}"#.utf8))

        // then: base64(hmac.new(b"s3cr3t", text, sha256)) in Python
        #expect(signature == "2wcq4pAvjAZmvzoch9TguIkA1gEWjMt+CWmk/wq8mq8=")
    }

    @Test("An empty body hashes as the SHA-256 of nothing")
    func hmacEmptyBody() {
        let text = HMACSigningKey.stringToSign(method: "GET", pathAndQuery: "/x", timestamp: 1, body: [])
        #expect(text.hasSuffix("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
    }

    @Test("Yonyou token signature matches an independently computed vector, URL-encoded in the query")
    func yonyouSignature() {
        // given
        let date = Date(timeIntervalSince1970: 1_714_550_400)

        // when
        let signature = YonyouSigner.signature(
            appKey: "ak-123", appSecret: "yy-secret", timestampMilliseconds: 1_714_550_400_000)
        let query = YonyouSigner.tokenQuery(appKey: "ak-123", appSecret: "yy-secret", date: date)

        // then
        #expect(YonyouSigner.stringToSign(appKey: "ak-123", timestampMilliseconds: 7) == "appKeyak-123timestamp7")
        #expect(signature == "kp9X29oMebLzZIyp5X/bP8UvqZc4jIjuj91PjSPczuU=")
        #expect(
            query == "appKey=ak-123&timestamp=1714550400000&signature=kp9X29oMebLzZIyp5X%2FbP8UvqZc4jIjuj91PjSPczuU%3D")
    }

    @Test("No secret appears in descriptions, debug descriptions or dumps of an auth value")
    func secretsAreRedacted() {
        // given
        let values: [RESTAuth] = [
            .basic(username: "svc", password: "pw-SECRET-1"), .bearer(token: "tok-SECRET-2"),
            .oauth2ClientCredentials(
                tokenURL: "https://login.example/token?code=SECRET-3", clientID: "cid", clientSecret: "cs-SECRET-4",
                scope: "api"),
            .hmac(HMACSigningKey(keyID: "kid", secret: "hm-SECRET-5")),
        ]
        for auth in values {
            // when
            var dumped = ""
            dump(auth, to: &dumped)
            let texts = [auth.description, String(reflecting: auth), "\(auth)", dumped]

            // then
            #expect(texts.allSatisfy { !$0.contains("SECRET") }, "\(texts)")
        }
        #expect(RESTAuth.basic(username: "svc", password: "x").description.contains("svc"))
    }

    @Test("Token endpoint errors name the cause without the secret")
    func tokenErrorsAreRedacted() {
        let error = RESTClientError.credentialsRejected(status: 400, detail: "invalid_client bad secret")
        #expect(error.failure == .permanent(reason: error.description))
        #expect(error.description.contains("invalid_client"))
    }
}

@Suite(
    "REST client against a signature-checking receiver",
    .enabled(if: ERPStubServer.toolsAreInstalled, "needs python3"))
struct RESTClientSigningEndToEndTests {
    @Test("An HMAC-signed request with a query is accepted; a wrong secret is refused")
    func hmacRequestIsVerified() async throws {
        let hmac = ERPStubServer.Configuration.HMAC()
        try await ERPStubServer.run(.init(hmac: hmac)) { server in
            // given
            let right = RESTClient(
                baseURL: server.baseURL, auth: .hmac(HMACSigningKey(keyID: hmac.keyId, secret: hmac.secret)),
                transport: ERPStubServer.transport)
            let wrong = RESTClient(
                baseURL: server.baseURL, auth: .hmac(HMACSigningKey(keyID: hmac.keyId, secret: "other")),
                transport: ERPStubServer.transport)
            let request = RESTRequest.json("POST", "/signed/echo", ["工单": "T-1"], query: [("page", "2"), ("q", "a b")])

            // when
            let accepted = try await right.send(request)
            let refused = try await wrong.send(request)

            // then
            #expect(accepted.status == 200)
            #expect(refused.status == 401)
            let signedText = try #require(VendorJSON.object(accepted.body)?["string_to_sign"] as? String)
            #expect(signedText.hasPrefix("POST\n/signed/echo?page=2&q=a%20b\n"))
        }
    }
}
