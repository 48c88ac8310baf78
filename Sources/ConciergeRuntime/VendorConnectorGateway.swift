import ConciergeConnectors
import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import Synchronization

/// Core's ``ConnectorGateway`` on the vendor connectors of `ConciergeConnectors`: turns a
/// connector's kind, settings and secrets into the vendor's message and sends it through the
/// SSRF-guarded HTTP client.
final class VendorConnectorGateway: ConnectorGateway {
    let transport: any ConnectorHTTPTransport
    let businessSystems: BusinessSystemFactory
    let logger: Logger
    /// One token cache per DingTalk app (key and API host), shared by all its connectors.
    private let tokenProviders = Mutex<[String: DingTalkAccessTokenProvider]>([:])

    init(transport: any ConnectorHTTPTransport, businessSystems: BusinessSystemFactory, logger: Logger) {
        self.transport = transport
        self.businessSystems = businessSystems
        self.logger = logger
    }

    func send(_ message: ConnectorMessage, to endpoint: ConnectorEndpoint) async -> ConnectorAttempt {
        let started = ContinuousClock.now
        let (outcome, summary) = await deliver(message, endpoint)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        switch outcome {
        case .delivered(let detail):
            return ConnectorAttempt(
                outcome: .delivered, requestSummary: summary, responseStatus: nil, detail: detail,
                latencyMilliseconds: milliseconds)
        case .retryable(let reason, let retryAfter):
            return ConnectorAttempt(
                outcome: .retryable(retryAfter: retryAfter), requestSummary: summary, responseStatus: nil,
                detail: reason,
                latencyMilliseconds: milliseconds)
        case .permanent(let reason):
            return ConnectorAttempt(
                outcome: .permanent, requestSummary: summary, responseStatus: nil, detail: reason,
                latencyMilliseconds: milliseconds)
        }
    }

    private func deliver(_ message: ConnectorMessage, _ endpoint: ConnectorEndpoint) async -> (
        ConnectorDeliveryOutcome, String
    ) {
        let settings = endpoint.settings
        let secrets = endpoint.secrets
        switch endpoint.kind {
        case .webhook:
            let url = string(settings["url"]) ?? ""
            let builder = WebhookRequestBuilder(
                url: url, signer: WebhookSigner(secret: secrets["signing_secret"] ?? ""))
            let headers = configuredHeaders(settings)
            let outcome = await WebhookConnector(builder: builder, transport: transport, logger: logger).deliver(
                event: message.eventType, deliveryID: message.deliveryID.description, body: message.webhookBody(),
                extraHeaders: headers)
            return (outcome, summary(url))
        case .dingtalkRobot:
            let base =
                string(settings["base_url"]).map { trimmed($0) + "/robot/send" } ?? DingTalkGroupRobot.defaultEndpoint
            let url = "\(base)?access_token=\(percentEncoded(secrets["access_token"] ?? ""))"
            let security = DingTalkRobotSecurity(
                signingSecret: string(settings["security"]) == "keyword" ? nil : secrets["sign_secret"],
                keywords: string(settings["keyword"]).map { [$0] } ?? [])
            do {
                let robot = try DingTalkGroupRobot(
                    webhookURL: url, security: security, transport: transport, logger: logger)
                let mention = DingTalkMention(
                    mobiles: strings(settings["at_mobiles"]), everyone: settings["at_all"] == .bool(true))
                let robotMessage: DingTalkRobotMessage =
                    switch string(settings["message_type"]) ?? "markdown" {
                    case "text":
                        .text(
                            "\(message.title)\n\(message.text)\(message.link.map { "\n\($0)" } ?? "")", mention: mention
                        )
                    case "action_card" where message.link != nil:
                        .actionCard(.ticket(title: message.title, text: markdown(message), url: message.link ?? ""))
                    default: .markdown(title: message.title, text: markdown(message), mention: mention)
                    }
                return (await robot.send(robotMessage), summary(base))
            } catch {
                return (.permanent(reason: "dingtalk: \(error)"), summary(base))
            }
        case .dingtalkApp:
            let base = string(settings["base_url"]).map(trimmed) ?? DingTalkAccessTokenProvider.defaultBaseURL
            let tokenBase = string(settings["token_url"]).map(trimmed) ?? base
            let tokens = provider(
                credentials: DingTalkAppCredentials(
                    appKey: secrets["app_key"] ?? "", appSecret: secrets["app_secret"] ?? ""),
                baseURL: tokenBase)
            let robot = DingTalkAppRobot(
                robotCode: string(settings["robot_code"]) ?? "", tokens: tokens, transport: transport, baseURL: base,
                logger: logger)
            let appMessage: DingTalkAppRobotMessage =
                switch string(settings["message_type"]) ?? "markdown" {
                case "text": .text("\(message.title)\n\(message.text)")
                case "action_card" where message.link != nil:
                    .actionCard(.ticket(title: message.title, text: markdown(message), url: message.link ?? ""))
                default: .markdown(title: message.title, text: markdown(message))
                }
            let outcome = await robot.send(appMessage, to: string(settings["open_conversation_id"]) ?? "")
            return (outcome, summary(base + "/v1.0/robot/groupMessages/send"))
        case .wecomRobot:
            let endpointURL =
                string(settings["base_url"]).map { trimmed($0) + "/cgi-bin/webhook/send" }
                ?? WeComGroupRobot.defaultEndpoint
            do {
                let robot = try WeComGroupRobot(
                    webhookURL: WeComGroupRobot.webhookURL(key: secrets["webhook_key"] ?? "", endpoint: endpointURL),
                    transport: transport, logger: logger)
                let wecomMessage: WeComRobotMessage =
                    switch string(settings["message_type"]) ?? "markdown" {
                    case "text":
                        .text(
                            "\(message.title)\n\(message.text)\(message.link.map { "\n\($0)" } ?? "")",
                            mentionedUserIDs: strings(settings["mentioned_users"]),
                            mentionedMobiles: strings(settings["mentioned_mobiles"]))
                    case "news" where message.link != nil:
                        .news([
                            WeComNewsArticle(title: message.title, description: message.text, url: message.link ?? "")
                        ])
                    default: .markdown(markdown(message))
                    }
                return (await robot.send(wecomMessage), summary(endpointURL))
            } catch {
                return (.permanent(reason: "wecom: \(error)"), summary(endpointURL))
            }
        case .sms:
            var headers = configuredHeaders(settings)
            if let key = secrets["api_key"] { headers.append(ConnectorHTTPHeader("Authorization", "Bearer \(key)")) }
            let bodyText = string(settings["body_template"])
            let body: SMSBodyTemplate =
                switch string(settings["body_format"]) ?? (bodyText == nil ? "none" : "json") {
                case "json": .json(bodyText ?? "{}")
                case "form": .form(bodyText ?? "")
                default: .none
                }
            let rule: SMSSuccessRule =
                if let path = string(settings["success_json_path"]), let value = string(settings["success_value"]) {
                    .jsonField(path, equals: value)
                } else { .statusOnly }
            let template = SMSGatewayTemplate(
                method: string(settings["method"]) ?? "POST", urlTemplate: string(settings["url_template"]) ?? "",
                headers: headers, body: body, successRule: rule)
            let gateway = SMSGateway(template: template, transport: transport)
            let text = "\(message.title)\n\(message.text)"
            var outcomes: [ConnectorDeliveryOutcome] = []
            for phone in strings(settings["phones"]) {
                outcomes.append(
                    await gateway.send(SMSMessage(phone: phone, text: text, sender: string(settings["sender"]))))
            }
            let target = summary(string(settings["url_template"]) ?? "")
            // One refusal for good decides; otherwise any retryable failure retries (the gateway de-duplicates nothing,
            // so a retry may text a phone that already got it: SMS gateways are told apart in docs/connectors.md).
            if let permanent = outcomes.first(where: { if case .permanent = $0 { true } else { false } }) {
                return (permanent, target)
            }
            if let retryable = outcomes.first(where: { if case .retryable = $0 { true } else { false } }) {
                return (retryable, target)
            }
            return (.delivered(summary: "sent to \(outcomes.count) phone(s)"), target)
        case .crm:
            do {
                let crm = try businessSystems.crm(endpoint)
                guard let summary = BusinessSystemMessages.ticketSummary(message) else {
                    return (.permanent(reason: "crm connectors push ticket summaries; this message has no ticket"), "-")
                }
                return (await crm.pushTicketSummary(summary), vendorSummary(endpoint, "ticket summary"))
            } catch {
                return (.permanent(reason: error.reason), "-")
            }
        case .rest:
            do {
                let rest = try businessSystems.rest(endpoint)
                guard let ticket = BusinessSystemMessages.ticketSummary(message) else {
                    return (.permanent(reason: "rest connectors send tickets; this message has no ticket"), "-")
                }
                let outcome = await rest.send(
                    ticket, event: message.eventType, deliveryID: message.deliveryID.description)
                let url =
                    (string(endpoint.settings["base_url"]).map(trimmed) ?? "")
                    + (string(endpoint.settings["path"]) ?? "/")
                return (outcome, summary(url))
            } catch {
                return (.permanent(reason: error.reason), "-")
            }
        case .erp:
            do {
                let erp = try businessSystems.erp(endpoint)
                let order = try BusinessSystemMessages.issueOrder(message)
                return (await erp.createIssueOrder(order).outcome, vendorSummary(endpoint, "issue order"))
            } catch {
                return (.permanent(reason: error.reason), "-")
            }
        case .mailbox, .inboundWebhook, .webForm:
            return (.permanent(reason: "\(endpoint.kind.rawValue) connectors receive messages and send nothing"), "-")
        }
    }

    private func provider(credentials: DingTalkAppCredentials, baseURL: String) -> DingTalkAccessTokenProvider {
        let key = "\(baseURL)|\(credentials.appKey)"
        return tokenProviders.withLock { providers in
            if let existing = providers[key] { return existing }
            let created = DingTalkAccessTokenProvider(credentials: credentials, transport: transport, baseURL: baseURL)
            providers[key] = created
            return created
        }
    }

    /// The tenant's extra headers (`settings.headers`), in name order.
    private func configuredHeaders(_ settings: [String: JSONValue]) -> [ConnectorHTTPHeader] {
        guard case .object(let fields)? = settings["headers"] else { return [] }
        return fields.sorted { $0.key < $1.key }.compactMap { name, value in
            string(value).map { ConnectorHTTPHeader(name, $0) }
        }
    }

    private func markdown(_ message: ConnectorMessage) -> String {
        "### \(message.title)\n\n\(message.text.replacingOccurrences(of: "\n", with: "\n\n"))"
            + (message.link.map { "\n\n[\($0)](\($0))" } ?? "")
    }

    /// `vendor what → host` for the log (the vendors' paths carry no secrets, but keep it short).
    private func vendorSummary(_ endpoint: ConnectorEndpoint, _ what: String) -> String {
        let host = string(endpoint.settings["base_url"]).flatMap { URLComponents(string: $0)?.host } ?? "-"
        return "\(string(endpoint.settings["vendor"]) ?? "?") \(what) → \(host)"
    }

    /// `POST scheme://host/path` for the log: never the query (where the vendors keep tokens).
    private func summary(_ url: String) -> String { ConnectorHTTPRequest(method: "POST", url: url).redactedSummary }

    private func trimmed(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }

    private func string(_ value: JSONValue?) -> String? { if case .string(let text)? = value { text } else { nil } }

    private func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap(string)
    }

    private func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? ""
    }
}
