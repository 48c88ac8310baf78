import Foundation

/// Checks a connector's settings for its kind, so a delivery never discovers a missing URL or
/// an unknown message type: every error names the setting (`settings.url`).
public enum ConnectorSettingsRules {
    /// Settings every kind accepts: texts with placeholders ({{ticket.number}}, …).
    static let common: Set<String> = ["title_template", "text_template"]

    static func allowed(for kind: ConnectorKind) -> Set<String> {
        switch kind {
        case .webhook: common.union(["url", "headers"])
        case .dingtalkRobot:
            common.union(["base_url", "security", "keyword", "message_type", "at_mobiles", "at_all"])
        case .dingtalkApp:
            common.union(["base_url", "token_url", "robot_code", "open_conversation_id", "message_type"])
        case .wecomRobot: common.union(["base_url", "message_type", "mentioned_mobiles", "mentioned_users"])
        case .sms:
            common.union([
                "method", "url_template", "headers", "body_template", "body_format", "phones", "sender",
                "success_json_path", "success_value",
            ])
        case .mailbox: mailboxSettings
        case .inboundWebhook: InboundWebhookMapping.settingKeys
        case .webForm: webFormSettings
        case .crm, .erp: businessSystemSettings(kind)
        case .rest: restSettings
        }
    }

    /// Validates `settings` for `kind` with the secrets `secretNames` that will be set.
    /// - Throws: ``ValidationError`` naming the first bad setting.
    public static func validate(_ settings: [String: JSONValue], kind: ConnectorKind, secretNames: Set<String>)
        throws(ValidationError)
    {
        let allowed = allowed(for: kind)
        if let unknown = settings.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw ValidationError(
                field: "settings.\(unknown)", code: "unknown_setting",
                message:
                    "\(kind.rawValue) connectors have no setting \(unknown) (known: \(allowed.sorted().joined(separator: ", ")))"
            )
        }
        for key in ["title_template", "text_template", "keyword", "robot_code", "open_conversation_id", "sender"] {
            if let value = settings[key] { _ = try text(value, key) }
        }
        switch kind {
        case .webhook:
            try url(settings["url"], "url", required: true)
            try headers(settings["headers"])
        case .dingtalkRobot:
            try url(settings["base_url"], "base_url", required: false)
            let security = try oneOf(settings["security"], "security", ["sign", "keyword", "ip"]) ?? "sign"
            if security == "sign", !secretNames.contains("sign_secret") {
                throw ValidationError(
                    field: "secrets.sign_secret", code: "required",
                    message: "the signed mode needs the robot's SEC… secret (or choose security keyword or ip)")
            }
            if security == "keyword", settings["keyword"] == nil {
                throw ValidationError(
                    field: "settings.keyword", code: "required", message: "keyword mode needs the keyword")
            }
            _ = try oneOf(settings["message_type"], "message_type", ["text", "markdown", "action_card"])
            try strings(settings["at_mobiles"], "at_mobiles")
            if let value = settings["at_all"], case .bool = value {
            } else if settings["at_all"] != nil {
                throw ValidationError(
                    field: "settings.at_all", code: "invalid_type", message: "at_all is true or false")
            }
        case .dingtalkApp:
            try url(settings["base_url"], "base_url", required: false)
            try url(settings["token_url"], "token_url", required: false)
            for key in ["robot_code", "open_conversation_id"] where settings[key] == nil {
                throw ValidationError(field: "settings.\(key)", code: "required", message: "\(key) is required")
            }
            _ = try oneOf(settings["message_type"], "message_type", ["text", "markdown", "action_card"])
        case .wecomRobot:
            try url(settings["base_url"], "base_url", required: false)
            _ = try oneOf(settings["message_type"], "message_type", ["text", "markdown", "news"])
            try strings(settings["mentioned_mobiles"], "mentioned_mobiles")
            try strings(settings["mentioned_users"], "mentioned_users")
        case .sms:
            _ = try oneOf(settings["method"], "method", ["GET", "POST", "PUT"])
            guard case .string(let template)? = settings["url_template"],
                template.hasPrefix("http://") || template.hasPrefix("https://")
            else {
                throw ValidationError(
                    field: "settings.url_template", code: "required",
                    message: "url_template is the gateway's http(s) URL, placeholders allowed")
            }
            try headers(settings["headers"])
            _ = try oneOf(settings["body_format"], "body_format", ["json", "form", "none"])
            try strings(settings["phones"], "phones", required: true)
        case .mailbox:
            try validateMailbox(settings, secretNames: secretNames)
        case .inboundWebhook:
            _ = try InboundWebhookMapping(settings: settings)
        case .webForm:
            try validateWebForm(settings)
        case .crm, .erp:
            try validateBusinessSystem(settings, kind: kind, secretNames: secretNames)
        case .rest:
            try validateREST(settings, secretNames: secretNames)
        }
    }

    static func text(_ value: JSONValue, _ key: String) throws(ValidationError) -> String {
        guard case .string(let text) = value, !text.isEmpty, text.count <= 4000 else {
            throw ValidationError(
                field: "settings.\(key)", code: "invalid_type", message: "\(key) is a text of 1-4000 characters")
        }
        return text
    }

    static func url(_ value: JSONValue?, _ key: String, required: Bool) throws(ValidationError) {
        guard let value else {
            if required {
                throw ValidationError(field: "settings.\(key)", code: "required", message: "\(key) is required")
            }
            return
        }
        guard case .string(let text) = value, let components = URLComponents(string: text),
            ["http", "https"].contains(components.scheme?.lowercased() ?? ""), !(components.host ?? "").isEmpty,
            components.user == nil, components.password == nil
        else {
            throw ValidationError(
                field: "settings.\(key)", code: "invalid_url",
                message: "\(key) must be an absolute http or https URL without user or password")
        }
    }

    static func headers(_ value: JSONValue?) throws(ValidationError) {
        guard let value else { return }
        guard case .object(let headers) = value else {
            throw ValidationError(
                field: "settings.headers", code: "invalid_type", message: "headers is an object of texts")
        }
        for (name, value) in headers {
            let reserved = ["host", "content-length", "content-type", "transfer-encoding", "connection"]
            guard case .string(let text) = value, !name.isEmpty,
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                !text.contains("\r"), !text.contains("\n"), !reserved.contains(name.lowercased()),
                !name.lowercased().hasPrefix("x-concierge-")
            else {
                throw ValidationError(
                    field: "settings.headers.\(name)", code: "invalid_header",
                    message: "a header is a token name (not Host, Content-*, X-Concierge-*) with a one-line text value")
            }
        }
    }

    static func oneOf(_ value: JSONValue?, _ key: String, _ options: [String]) throws(ValidationError)
        -> String?
    {
        guard let value else { return nil }
        guard case .string(let text) = value, options.contains(text) else {
            throw ValidationError(
                field: "settings.\(key)", code: "invalid_value",
                message: "\(key) is one of \(options.joined(separator: ", "))")
        }
        return text
    }

    private static func strings(_ value: JSONValue?, _ key: String, required: Bool = false) throws(ValidationError) {
        guard let value else {
            if required {
                throw ValidationError(field: "settings.\(key)", code: "required", message: "\(key) is required")
            }
            return
        }
        guard case .array(let items) = value, items.count <= 100,
            items.allSatisfy({ if case .string(let s) = $0 { !s.isEmpty && s.count <= 100 } else { false } }),
            !required || !items.isEmpty
        else {
            throw ValidationError(field: "settings.\(key)", code: "invalid_type", message: "\(key) is a list of texts")
        }
    }
}
