/// What a connector talks to; decides its settings, its secrets and its default rate limit.
public enum ConnectorKind: String, Sendable, Codable, CaseIterable {
    /// A signed JSON POST to any URL (HMAC-SHA256 over timestamp and body).
    case webhook
    /// A DingTalk custom group robot (webhook with access_token; signed-secret or keyword mode).
    case dingtalkRobot = "dingtalk_robot"
    /// DingTalk's app robot API (app key and secret for an access token, robotCode).
    case dingtalkApp = "dingtalk_app"
    /// A WeCom group robot (its key sits in the URL: the whole URL is a secret).
    case wecomRobot = "wecom_robot"
    /// Text messages through an HTTP SMS gateway described by a request template.
    case sms
    /// A support address whose mail becomes tickets and replies: polled over IMAP when it has
    /// `imap_host`, and accepted by the inbound SMTP endpoint for its `address`. Sends nothing.
    case mailbox
    /// A signed HTTP endpoint whose JSON deliveries become tickets through a mapping (the
    /// settings are the ``InboundWebhookMapping``). Sends nothing.
    case inboundWebhook = "inbound_webhook"
    /// A public web form (`/forms/{tenant}/{key}`) customers open tickets with, also from an
    /// asset's QR code (the link carries the asset, signed with `link_secret`). Sends nothing.
    case webForm = "web_form"
    /// A CRM (or an ERP's customer master) of a ``BusinessSystemVendor``: organizations,
    /// customers and contracts are pulled on a schedule, and ticket summaries pushed back for the
    /// events it subscribes to.
    case crm
    /// A tenant's own system over plain REST: one request per message to `base_url` + `path`,
    /// its JSON body from `body_template`, with basic, bearer, OAuth2 client-credentials or
    /// HMAC authentication.
    case rest
    /// An ERP of a ``BusinessSystemVendor`` that keeps inventory: spare-part stock is looked up
    /// through it, and issue orders for tickets are written to it (by the API or a rule).
    case erp

    /// Whether the kind sends messages (subscribes to events, answers rule calls and test sends).
    public var isOutbound: Bool { self != .mailbox && self != .inboundWebhook && self != .webForm }

    /// The secret settings this kind needs (sealed at rest, never returned by the API).
    public var secretNames: Set<String> {
        switch self {
        case .webhook: ["signing_secret"]
        case .dingtalkRobot: ["access_token", "sign_secret"]
        case .dingtalkApp: ["app_key", "app_secret"]
        case .wecomRobot: ["webhook_key"]
        case .sms: ["api_key"]
        case .mailbox: ["imap_password"]
        case .inboundWebhook: ["signing_secret", "previous_signing_secret"]
        case .webForm: ["link_secret"]
        case .crm, .erp: BusinessSystemVendor.allSecrets
        case .rest: ["password", "token", "client_secret", "hmac_secret"]
        }
    }

    /// Which of ``secretNames`` must be present.
    public var requiredSecrets: Set<String> {
        switch self {
        case .webhook: ["signing_secret"]
        case .dingtalkRobot: ["access_token"]
        case .dingtalkApp: ["app_key", "app_secret"]
        case .wecomRobot: ["webhook_key"]
        // Which secrets a CRM, ERP or REST connector needs depends on its vendor or auth scheme.
        case .sms, .mailbox, .crm, .erp, .rest: []
        case .inboundWebhook: ["signing_secret"]
        // A form works without one; only its asset QR links need it (to be signed).
        case .webForm: []
        }
    }

    /// Messages per minute when the tenant sets none: the vendors' documented robot limit (20
    /// per minute for DingTalk and WeCom group robots), generous for the others.
    public var defaultRateLimitPerMinute: Int {
        switch self {
        case .dingtalkRobot, .wecomRobot: 20
        case .dingtalkApp: 600
        case .webhook: 6000
        case .sms: 60
        case .mailbox: 60
        case .inboundWebhook: 600
        case .webForm: 20
        // The vendors' API quotas are per org or per app; a couple of calls a second stays under them.
        case .crm, .erp: 120
        case .rest: 600
        }
    }
}
