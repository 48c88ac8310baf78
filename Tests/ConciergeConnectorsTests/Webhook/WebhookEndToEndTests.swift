import ConciergeConnectors
import ConciergePeerTestSupport
import Foundation
import Testing

@Suite(
    "Signed webhooks reach a receiver that verifies them as the docs say",
    .enabled(if: VendorStubServer.toolsAreInstalled, "needs python3"))
struct WebhookEndToEndTests {
    static let body = Array(#"{"event":"ticket.created","ticket":{"id":1001,"subject":"打印机坏了 \"急\""}}"#.utf8)

    static func connector(_ server: VendorStubServer, secret: String, additionalSecret: String? = nil)
        -> WebhookConnector
    {
        let builder = WebhookRequestBuilder(
            url: "\(server.baseURL)/hooks/concierge?tenant=acme",
            signer: WebhookSigner(secret: secret, additionalSecret: additionalSecret))
        return WebhookConnector(builder: builder, transport: VendorStubServer.transport)
    }

    @Test func signedDeliveryIsAcceptedWithItsHeadersAndExactBody() async throws {
        try await VendorStubServer.run(.init(webhook: .init(secrets: ["whsec_receiver"]))) { server in
            // when
            let outcome = await Self.connector(server, secret: "whsec_receiver").deliver(
                event: "ticket.created", deliveryID: "dlv_0001", body: Self.body,
                extraHeaders: [ConnectorHTTPHeader("Authorization", "Bearer tenant-token")])

            // then
            #expect(outcome == .delivered(summary: "webhook answered HTTP 204"))
            let received = try #require(try server.receivedRequests().first)
            #expect(received.status == 204)
            #expect(Array(received.body.utf8) == Self.body)
            #expect(received.headers["x-concierge-event"] == "ticket.created")
            #expect(received.headers["x-concierge-delivery"] == "dlv_0001")
            #expect(received.headers["authorization"] == "Bearer tenant-token")
            #expect(received.query["tenant"] == "acme")
        }
    }

    @Test func receiverStillOnTheOldSecretAcceptsDuringRotation() async throws {
        try await VendorStubServer.run(.init(webhook: .init(secrets: ["whsec_old"]))) { server in
            let outcome = await Self.connector(server, secret: "whsec_new", additionalSecret: "whsec_old").deliver(
                event: "ticket.updated", deliveryID: "dlv_0002", body: Self.body)
            #expect(outcome == .delivered(summary: "webhook answered HTTP 204"))
            let signature = try #require(try server.receivedRequests().first?.headers["x-concierge-signature"])
            #expect(signature.split(separator: ",").count == 2)
        }
    }

    @Test func wrongSecretIsRefusedForGood() async throws {
        try await VendorStubServer.run(.init(webhook: .init(secrets: ["whsec_receiver"]))) { server in
            let outcome = await Self.connector(server, secret: "whsec_wrong").deliver(
                event: "ticket.created", deliveryID: "dlv_0003", body: Self.body)
            #expect(outcome == .permanent(reason: "webhook refused the request with HTTP 401"))
            let recorded = try server.receivedRequests()
            #expect(recorded.first?.answer.contains("signature mismatch") == true)
        }
    }

    @Test func redeliveryWithTheSameIDIsRecognisedAsADuplicate() async throws {
        try await VendorStubServer.run(.init(webhook: .init())) { server in
            let connector = Self.connector(server, secret: "whsec_receiver")
            _ = await connector.deliver(event: "ticket.created", deliveryID: "dlv_0004", body: Self.body)
            let again = await connector.deliver(event: "ticket.created", deliveryID: "dlv_0004", body: Self.body)
            #expect(again == .delivered(summary: "webhook answered HTTP 200"))
            let recorded = try server.receivedRequests()
            #expect(recorded.map(\.answer) == ["", #"{"duplicate": true}"#])
        }
    }

    @Test(arguments: [
        (
            VendorStubServer.Configuration.Answer(status: 429, headers: ["Retry-After": "17"]),
            Duration?.some(.seconds(17))
        ),
        (.init(status: 503), nil),
        (.init(status: 408), nil),
    ])
    func busyReceiverIsRetriedWhenItSays(answer: VendorStubServer.Configuration.Answer, wait: Duration?) async throws {
        try await VendorStubServer.run(.init(webhook: .init(), script: ["webhook": [answer]])) { server in
            let outcome = await Self.connector(server, secret: "whsec_receiver").deliver(
                event: "ticket.created", deliveryID: "dlv_0005", body: Self.body)
            #expect(outcome == .retryable(reason: "webhook answered HTTP \(answer.status)", retryAfter: wait))
        }
    }

    @Test func unreachableReceiverIsRetryable() async throws {
        // given: a port where nothing listens
        let port = try await TestServerProcess.unusedPort()
        let builder = WebhookRequestBuilder(
            url: "http://127.0.0.1:\(port)/hooks/concierge", signer: WebhookSigner(secret: "s"), timeout: .seconds(3))

        // when
        let outcome = await WebhookConnector(builder: builder, transport: VendorStubServer.transport).deliver(
            event: "ticket.created", deliveryID: "dlv_0006", body: Self.body)

        // then
        guard case .retryable = outcome else {
            Issue.record("expected retryable, got \(outcome)")
            return
        }
    }
}
