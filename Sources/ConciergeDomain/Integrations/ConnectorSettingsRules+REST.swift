import Foundation

extension ConnectorSettingsRules {
    /// The settings of a `rest` connector.
    static let restSettings: Set<String> = [
        "base_url", "path", "method", "auth", "username", "client_id", "token_url", "scope", "key_id", "body_template",
        "headers", "external_ids_key",
    ]

    /// The placeholders a `rest` body template may use: the ticket summary's values, the event
    /// type and the delivery id.
    public static let restTemplateNames: Set<String> = [
        "ticket.number", "ticket.subject", "ticket.summary", "ticket.status", "ticket.priority",
        "ticket.customer_external_id", "ticket.organization_external_id", "ticket.url", "ticket.opened_at",
        "ticket.updated_at", "ticket.updated_at_ms", "event", "delivery_id",
    ]

    /// What each `auth` scheme needs: settings, then secrets.
    static let restAuthNeeds: [String: (settings: [String], secrets: [String])] = [
        "none": ([], []), "basic": (["username"], ["password"]), "bearer": ([], ["token"]),
        "oauth2": (["token_url", "client_id"], ["client_secret"]), "hmac": (["key_id"], ["hmac_secret"]),
    ]

    static func validateREST(_ settings: [String: JSONValue], secretNames: Set<String>) throws(ValidationError) {
        try url(settings["base_url"], "base_url", required: true)
        try url(settings["token_url"], "token_url", required: false)
        _ = try oneOf(settings["method"], "method", ["POST", "PUT", "PATCH"])
        let auth = try oneOf(settings["auth"], "auth", ["none", "basic", "bearer", "oauth2", "hmac"]) ?? "none"
        for key in ["path", "username", "client_id", "scope", "key_id"] {
            if let value = settings[key] { _ = try text(value, key) }
        }
        if case .string(let path)? = settings["path"], !path.hasPrefix("/") {
            throw ValidationError(field: "settings.path", code: "invalid_value", message: "path starts with /")
        }
        let needs = restAuthNeeds[auth] ?? ([], [])
        for key in needs.settings where settings[key] == nil {
            throw ValidationError(field: "settings.\(key)", code: "required", message: "\(auth) auth needs \(key)")
        }
        for secret in needs.secrets where !secretNames.contains(secret) {
            throw ValidationError(field: "secrets.\(secret)", code: "required", message: "\(auth) auth needs \(secret)")
        }
        try headers(settings["headers"])
        if let template = settings["body_template"] { try validateBodyTemplate(template) }
    }

    /// A body template is a JSON object (as text) whose `{{…}}` placeholders are all known.
    static func validateBodyTemplate(_ value: JSONValue) throws(ValidationError) {
        guard case .string(let text) = value, text.count <= 20_000,
            let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)), parsed is [String: Any]
        else {
            throw ValidationError(
                field: "settings.body_template", code: "invalid_value",
                message: "body_template is a JSON object, as text, with {{ticket.number}}-style placeholders")
        }
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard restTemplateNames.contains(name) else {
                throw ValidationError(
                    field: "settings.body_template", code: "unknown_placeholder",
                    message:
                        "{{\(name)}} is not a placeholder (known: \(restTemplateNames.sorted().joined(separator: ", ")))"
                )
            }
            rest = rest[close.upperBound...]
        }
    }
}
