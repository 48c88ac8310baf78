import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("SMS gateway templates")
struct SMSGatewayTemplateTests {
    /// Everything that could break out of a URL, JSON string or form field.
    static let hostile = SMSMessage(
        phone: "+86 138&0013=8000", text: "您好 \"客户\"\n工单 #1001 已更新 & 100% {{phone}} \\ \t\u{1}\u{2028}end",
        sender: "客服'中心")

    @Test func valuesInTheURLArePercentEncoded() throws {
        // given
        let template = SMSGatewayTemplate(
            method: "GET", urlTemplate: "https://sms.example.com/send?apikey=K3Y&to={{phone}}&text={{ message }}")

        // when
        let request = try template.request(for: Self.hostile)

        // then: the query has exactly the three fields and each decodes back to the original value
        let items = URLComponents(string: request.url)?.queryItems ?? []
        #expect(items.map(\.name) == ["apikey", "to", "text"])
        #expect(items[1].value == Self.hostile.phone)
        #expect(items[2].value == Self.hostile.text)
        #expect(request.body.isEmpty && request.method == "GET")
        #expect(request.headerValue("Content-Type") == nil)
    }

    @Test func literalDoubleBracesInATemplateAreRefusedAsAnUnclosedPlaceholder() {
        // given: "{{" always opens a placeholder, so a template cannot smuggle one in by accident
        let template = SMSGatewayTemplate(
            urlTemplate: "https://sms.example.com/v1/messages", body: .json(#"{"to": "{{phone}}", "note": "{{"}"#))

        // then
        #expect(throws: SMSTemplateError.unterminatedPlaceholder(in: .body)) { try template.request(for: Self.hostile) }
    }

    @Test func jsonBodyRoundTripsHostileValues() throws {
        // given
        let template = SMSGatewayTemplate(
            urlTemplate: "https://sms.example.com/v1/messages",
            headers: [ConnectorHTTPHeader("X-Api-Key", "K3Y")],
            body: .json(#"{"to": "{{phone}}", "text": "【{{sender}}】{{message}}", "escaped": "a\"b"}"#))

        // when
        let request = try template.request(for: Self.hostile)

        // then
        let json = VendorJSON.object(request.body)
        #expect(json?["to"] as? String == Self.hostile.phone)
        #expect(json?["text"] as? String == "【客服'中心】" + Self.hostile.text)
        #expect(json?["escaped"] as? String == "a\"b")
        #expect(json?.count == 3)
        #expect(request.headerValue("Content-Type") == "application/json; charset=utf-8")
        #expect(request.headerValue("X-Api-Key") == "K3Y")
    }

    @Test func placeholdersOutsideJSONStringsBecomeWholeStrings() throws {
        let template = SMSGatewayTemplate(
            urlTemplate: "https://sms.example.com/v1", body: .json(#"{"to": [{{phone}}], "text": {{message}}}"#))
        let json = VendorJSON.object(try template.request(for: Self.hostile).body)
        #expect(json?["to"] as? [String] == [Self.hostile.phone])
        #expect(json?["text"] as? String == Self.hostile.text)
    }

    @Test func formBodyValuesAreFormEncoded() throws {
        // given
        let template = SMSGatewayTemplate(
            urlTemplate: "https://sms.example.com/send", body: .form("to={{phone}}&text={{message}}&from={{sender}}"))

        // when
        let request = try template.request(for: Self.hostile)
        let body = String(decoding: request.body, as: UTF8.self)

        // then: three fields, and each decodes back as a browser's form decoder would
        let fields = body.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
        #expect(fields.map { $0[0] } == ["to", "text", "from"])
        let decoded = fields.map { $0[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
        #expect(decoded == [Self.hostile.phone, Self.hostile.text, Self.hostile.sender])
        #expect(request.headerValue("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8")
    }

    @Test func templateContentTypeWins() throws {
        let template = SMSGatewayTemplate(
            urlTemplate: "https://sms.example.com/send",
            headers: [ConnectorHTTPHeader("content-type", "application/json")],
            body: .json(#"{"to":"{{phone}}"}"#))
        let request = try template.request(for: Self.hostile)
        #expect(request.headers.filter { $0.name.lowercased() == "content-type" }.count == 1)
    }

    @Test(arguments: [
        (
            SMSGatewayTemplate(urlTemplate: "https://s.example/{{to}}"),
            SMSTemplateError.unknownPlaceholder(name: "to", in: .url)
        ),
        (SMSGatewayTemplate(urlTemplate: "https://s.example/?to={{phone"), .unterminatedPlaceholder(in: .url)),
        (
            SMSGatewayTemplate(urlTemplate: "https://s.example/", body: .form("text={{Message}}")),
            .unknownPlaceholder(name: "Message", in: .body)
        ),
        (SMSGatewayTemplate(urlTemplate: "https://s.example/", body: .json(#"{"a": "{{phone}}""#)), .bodyIsNotJSON),
        (SMSGatewayTemplate(urlTemplate: "{{phone}}"), .invalidURL),
        (SMSGatewayTemplate(urlTemplate: "ftp://s.example/{{phone}}"), .invalidURL),
        (
            SMSGatewayTemplate(
                urlTemplate: "https://s.example/", headers: [ConnectorHTTPHeader("X-To", "{{message}}")]),
            .invalidHeader(name: "X-To")
        ),
        (
            SMSGatewayTemplate(urlTemplate: "https://s.example/", headers: [ConnectorHTTPHeader("Bad Header", "x")]),
            .invalidHeader(name: "Bad Header")
        ),
        (
            SMSGatewayTemplate(urlTemplate: "https://s.example/", headers: [ConnectorHTTPHeader("X-Sig", "{{oops}}")]),
            .unknownPlaceholder(name: "oops", in: .header)
        ),
    ])
    func renderingErrorsNameThePartAndTheProblem(template: SMSGatewayTemplate, error: SMSTemplateError) {
        #expect(throws: error) { try template.request(for: Self.hostile) }
        #expect(!error.description.contains("138") && !error.description.contains("您好"))
    }

    @Test(arguments: [
        (SMSMessage(phone: "+8613800138000", text: "x"), SMSTemplateError.missingValue(.sender)),
        (SMSMessage(phone: "", text: "x", sender: "s"), .missingValue(.phone)),
        (SMSMessage(phone: "+86", text: "", sender: "s"), .missingValue(.message)),
    ])
    func missingValuesAreNamed(message: SMSMessage, error: SMSTemplateError) {
        let template = SMSGatewayTemplate(
            urlTemplate: "https://s.example/", body: .form("to={{phone}}&text={{message}}&from={{sender}}"))
        #expect(throws: error) { try template.request(for: message) }
    }

    @Test func descriptionHidesTheQueryWithTheAPIKey() {
        let template = SMSGatewayTemplate(urlTemplate: "https://sms.example.com/send?apikey=K3Y&to={{phone}}")
        #expect(!"\(template)".contains("K3Y"))
    }

    static func answer(_ status: Int, _ body: String) -> ConnectorHTTPResponse {
        ConnectorHTTPResponse(status: status, headers: [], body: Array(body.utf8))
    }

    enum Expected: Sendable { case delivered, retryable, permanent }

    @Test(arguments: [
        (SMSSuccessRule.statusOnly, 200, "whatever", Expected.delivered),
        (.statusOnly, 202, "", .delivered),
        (.statusOnly, 503, "", .retryable),
        (.statusOnly, 429, "", .retryable),
        (.statusOnly, 400, "", .permanent),
        (.jsonField("code", equals: "OK"), 200, #"{"code":"OK"}"#, .delivered),
        (.jsonField("code", equals: "OK"), 200, #"{"code":"isv.MOBILE_NUMBER_ILLEGAL"}"#, .permanent),
        (
            .jsonField("code", equals: "OK", retryableValues: ["isv.BUSINESS_LIMIT_CONTROL"]), 200,
            #"{"code":"isv.BUSINESS_LIMIT_CONTROL"}"#, .retryable
        ),
        (.jsonField("code", equals: "0"), 200, #"{"code":0}"#, .delivered),
        (.jsonField("result.0.status", equals: "queued"), 200, #"{"result":[{"status":"queued"}]}"#, .delivered),
        (.jsonField("result.1.status", equals: "queued"), 200, #"{"result":[{"status":"queued"}]}"#, .permanent),
        (.jsonField("code", equals: "OK"), 200, "<html>", .permanent),
        (.jsonField("code", equals: "OK"), 200, "", .permanent),
        (.jsonField("code", equals: "OK"), 500, #"{"code":"OK"}"#, .retryable),
        (SMSSuccessRule(jsonPath: "id"), 200, #"{"id":"m-1"}"#, .delivered),
    ])
    func answersAreClassifiedByStatusAndField(rule: SMSSuccessRule, status: Int, body: String, expected: Expected) {
        let outcome = SMSGateway.classify(Self.answer(status, body), rule: rule)
        switch (outcome, expected) {
        case (.delivered, .delivered), (.retryable, .retryable), (.permanent, .permanent): break
        default: Issue.record("HTTP \(status) \(body) gave \(outcome), expected \(expected)")
        }
    }
}
