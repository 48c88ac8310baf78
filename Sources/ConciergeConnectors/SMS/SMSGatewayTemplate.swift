import Foundation

/// An SMS provider's HTTP API described as data, so a tenant can plug in any gateway that takes a
/// phone and a text over HTTP without new code.
///
/// ```swift
/// let template = SMSGatewayTemplate(
///     urlTemplate: "https://sms.example.com/send?apikey=K3Y",
///     body: .json(#"{"to": "{{phone}}", "text": "{{message}}", "from": "{{sender}}"}"#),
///     successRule: .jsonField("code", equals: "OK"))
/// let request = try template.request(for: SMSMessage(phone: "+8613800138000", text: "您的工单已更新"))
/// ```
///
/// Values are escaped for where they land (see ``SMSTemplateRenderer``): percent-encoded in the URL,
/// JSON-escaped in a JSON body, form-encoded in a form body. The URL and headers may hold the
/// gateway's API key, so ``description`` shows neither.
public struct SMSGatewayTemplate: Sendable, Equatable, CustomStringConvertible {
    /// The HTTP method, `POST` unless the gateway wants `GET`.
    public var method: String
    /// The URL, e.g. `https://sms.example.com/send?to={{phone}}`.
    public var urlTemplate: String
    /// Headers (an API key, say); values may use placeholders and are inserted unescaped but must
    /// not end up containing CR or LF.
    public var headers: [ConnectorHTTPHeader]
    /// The body and its encoding.
    public var body: SMSBodyTemplate
    /// How the gateway's answer says "accepted".
    public var successRule: SMSSuccessRule
    /// The time limit of one exchange.
    public var timeout: Duration

    /// Creates a template.
    public init(
        method: String = "POST", urlTemplate: String, headers: [ConnectorHTTPHeader] = [],
        body: SMSBodyTemplate = .none, successRule: SMSSuccessRule = .statusOnly, timeout: Duration = .seconds(10)
    ) {
        self.method = method
        self.urlTemplate = urlTemplate
        self.headers = headers
        self.body = body
        self.successRule = successRule
        self.timeout = timeout
    }

    /// The request that sends `message`.
    ///
    /// - Throws: ``SMSTemplateError`` naming the part of the template that cannot be rendered.
    public func request(for message: SMSMessage) throws(SMSTemplateError) -> ConnectorHTTPRequest {
        let url = try SMSTemplateRenderer.render(urlTemplate, context: .url, part: .url, message: message)
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", components.host?.isEmpty == false
        else { throw .invalidURL }

        var rendered: [ConnectorHTTPHeader] = []
        for header in headers {
            let value = try SMSTemplateRenderer.render(header.value, context: .header, part: .header, message: message)
            guard WebhookRequestBuilder.isToken(header.name), !WebhookRequestBuilder.hasControlCharacter(value) else {
                throw .invalidHeader(name: header.name)
            }
            rendered.append(ConnectorHTTPHeader(header.name, value))
        }
        if let contentType = body.defaultContentType,
            !rendered.contains(where: { $0.name.caseInsensitiveCompare("Content-Type") == .orderedSame })
        {
            rendered.append(ConnectorHTTPHeader("Content-Type", contentType))
        }

        let bytes: [UInt8]
        switch body {
        case .none:
            bytes = []
        case .json(let template):
            let text = try SMSTemplateRenderer.render(template, context: .json, part: .body, message: message)
            bytes = Array(text.utf8)
            guard (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil else {
                throw .bodyIsNotJSON
            }
        case .form(let template):
            bytes = Array(try SMSTemplateRenderer.render(template, context: .form, part: .body, message: message).utf8)
        }
        return ConnectorHTTPRequest(method: method, url: url, headers: rendered, body: bytes, timeout: timeout)
    }

    /// The method and the URL template's scheme, host and path; never its query or headers.
    public var description: String {
        "SMSGatewayTemplate(\(ConnectorHTTPRequest(method: method, url: urlTemplate).redactedSummary))"
    }
}
