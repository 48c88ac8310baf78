import ConciergeConnectors
import Foundation
import Testing

@Suite(
    "SMS gateway templates over HTTP against a stub gateway",
    .enabled(if: VendorStubServer.toolsAreInstalled, "needs python3"))
struct SMSGatewayEndToEndTests {
    static let hostile = SMSMessage(
        phone: "+86 138&0013=8000", text: "您好 \"客户\"\n工单 #1001 已更新 & 100% {{phone}} \\ 'x'", sender: "客服中心")
    static let apiKey = ConnectorHTTPHeader("X-Api-Key", VendorStubServer.Configuration.SMS().apiKey)

    static func gateway(_ template: SMSGatewayTemplate) -> SMSGateway {
        SMSGateway(template: template, transport: VendorStubServer.transport)
    }

    @Test func jsonGatewayReceivesHostileTextIntact() async throws {
        try await VendorStubServer.run(.init(sms: .init())) { server in
            // given
            let template = SMSGatewayTemplate(
                urlTemplate: "\(server.baseURL)/sms/json", headers: [Self.apiKey],
                body: .json(#"{"to": "{{phone}}", "text": "{{message}}", "from": "{{sender}}"}"#),
                successRule: .jsonField("code", equals: "OK"))

            // when
            let outcome = await Self.gateway(template).send(Self.hostile)

            // then
            #expect(outcome == .delivered(summary: "sms gateway answered HTTP 200, code=OK"))
            let json = try #require(try server.receivedRequests().first?.json)
            #expect(json["to"] as? String == Self.hostile.phone)
            #expect(json["text"] as? String == Self.hostile.text)
            #expect(json["from"] as? String == "客服中心")
        }
    }

    @Test func formGatewayReceivesHostileTextIntact() async throws {
        try await VendorStubServer.run(.init(sms: .init())) { server in
            let template = SMSGatewayTemplate(
                urlTemplate: "\(server.baseURL)/sms/form", headers: [Self.apiKey],
                body: .form("to={{phone}}&text={{message}}&from={{sender}}"),
                successRule: .jsonField("result.0.status", equals: "queued"))
            let outcome = await Self.gateway(template).send(Self.hostile)
            #expect(outcome == .delivered(summary: "sms gateway answered HTTP 200, result.0.status=queued"))
            let form = try #require(try server.receivedRequests().first?.form)
            #expect(form == ["to": Self.hostile.phone, "text": Self.hostile.text, "from": "客服中心"])
        }
    }

    @Test func getGatewayReceivesHostileTextIntactInTheQuery() async throws {
        try await VendorStubServer.run(.init(sms: .init())) { server in
            let template = SMSGatewayTemplate(
                method: "GET", urlTemplate: "\(server.baseURL)/sms/get?to={{phone}}&text={{message}}",
                headers: [Self.apiKey])
            let outcome = await Self.gateway(template).send(Self.hostile)
            #expect(outcome == .delivered(summary: "sms gateway answered HTTP 200"))
            let query = try #require(try server.receivedRequests().first?.query)
            #expect(query == ["to": Self.hostile.phone, "text": Self.hostile.text])
        }
    }

    @Test func wrongAPIKeyIsPermanent() async throws {
        try await VendorStubServer.run(.init(sms: .init())) { server in
            let template = SMSGatewayTemplate(
                urlTemplate: "\(server.baseURL)/sms/json", headers: [ConnectorHTTPHeader("X-Api-Key", "wrong")],
                body: .json(#"{"to": "{{phone}}", "text": "{{message}}"}"#))
            let outcome = await Self.gateway(template).send(Self.hostile)
            #expect(outcome == .permanent(reason: "sms gateway refused the request with HTTP 401"))
        }
    }

    @Test func businessThrottlingIsRetryable() async throws {
        let busy = VendorStubServer.Configuration.Answer(status: 200, body: #"{"code":"isv.BUSINESS_LIMIT_CONTROL"}"#)
        try await VendorStubServer.run(.init(sms: .init(), script: ["sms": [busy]])) { server in
            let template = SMSGatewayTemplate(
                urlTemplate: "\(server.baseURL)/sms/json", headers: [Self.apiKey],
                body: .json(#"{"to": "{{phone}}", "text": "{{message}}"}"#),
                successRule: .jsonField("code", equals: "OK", retryableValues: ["isv.BUSINESS_LIMIT_CONTROL"]))
            let outcome = await Self.gateway(template).send(Self.hostile)
            #expect(
                outcome == .retryable(reason: "sms gateway is busy: code=isv.BUSINESS_LIMIT_CONTROL", retryAfter: nil))
        }
    }
}
