import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("Webhook requests")
struct WebhookRequestBuilderTests {
    static let builder = WebhookRequestBuilder(
        url: "https://hooks.example.com/concierge?token=tenant-secret", signer: WebhookSigner(secret: "whsec_test"))
    static let body = Array(#"{"event":"ticket.created","id":1}"#.utf8)

    @Test func requestCarriesEventDeliveryTimestampAndSignatureOverTheExactBody() throws {
        // when
        let request = try Self.builder.request(
            event: "ticket.created", deliveryID: "dlv_01", body: Self.body,
            now: Date(timeIntervalSince1970: 1_700_000_000))

        // then
        #expect(request.method == "POST")
        #expect(request.url == "https://hooks.example.com/concierge?token=tenant-secret")
        #expect(request.body == Self.body)
        #expect(request.headerValue(WebhookHeaders.event) == "ticket.created")
        #expect(request.headerValue(WebhookHeaders.delivery) == "dlv_01")
        #expect(request.headerValue(WebhookHeaders.timestamp) == "1700000000")
        #expect(
            request.headerValue(WebhookHeaders.signature)
                == "v1=343bfd5ebae6c5f238b39fc26feca13b8db2d40b218da617fce17f2ec7f59a8e")
        #expect(request.headerValue("Content-Type") == "application/json; charset=utf-8")
        #expect(!"\(Self.builder)".contains("tenant-secret") && !"\(Self.builder)".contains("whsec"))
    }

    @Test(arguments: [
        "X-Concierge-Signature", "x-concierge-timestamp", "X-Concierge-Delivery", "X-Concierge-Event",
        "X-Concierge-Anything", "Content-Type", "content-length", "Host",
    ])
    func extraHeadersCannotReplaceOurs(name: String) throws {
        // when
        let request = try Self.builder.request(
            event: "ticket.created", deliveryID: "dlv_01", body: Self.body,
            extraHeaders: [ConnectorHTTPHeader(name, "forged")], now: Date(timeIntervalSince1970: 1_700_000_000))

        // then
        #expect(!request.headers.contains { $0.value == "forged" })
        #expect(WebhookHeaders.isReserved(name))
    }

    @Test func extraHeadersAreAddedAfterOurs() throws {
        let request = try Self.builder.request(
            event: "ticket.created", deliveryID: "dlv_01", body: Self.body,
            extraHeaders: [ConnectorHTTPHeader("Authorization", "Bearer abc")])
        #expect(request.headers.last == ConnectorHTTPHeader("Authorization", "Bearer abc"))
    }

    @Test(arguments: [
        ("X-Tenant", "a\r\nX-Concierge-Signature: v1=forged", WebhookRequestError.invalidHeader(name: "X-Tenant")),
        ("Bad Name", "x", .invalidHeader(name: "Bad Name")),
        ("", "x", .invalidHeader(name: "")),
        ("X-Nul", "a\u{0}b", .invalidHeader(name: "X-Nul")),
    ])
    func headerInjectionIsRefused(name: String, value: String, error: WebhookRequestError) {
        #expect(throws: error) {
            try Self.builder.request(
                event: "ticket.created", deliveryID: "dlv_01", body: Self.body,
                extraHeaders: [ConnectorHTTPHeader(name, value)])
        }
    }

    @Test(arguments: [
        ("", "dlv", WebhookRequestError.invalidEvent), ("ticket created", "dlv", .invalidEvent),
        ("工单", "dlv", .invalidEvent), ("ticket.created", "", .invalidDeliveryID),
        ("ticket.created", "a\nb", .invalidDeliveryID),
    ])
    func eventAndDeliveryIDMustBePrintableASCII(event: String, deliveryID: String, error: WebhookRequestError) {
        #expect(throws: error) { try Self.builder.request(event: event, deliveryID: deliveryID, body: Self.body) }
    }
}

extension ConnectorHTTPRequest {
    /// The first header called `name`, compared case-insensitively.
    func headerValue(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
