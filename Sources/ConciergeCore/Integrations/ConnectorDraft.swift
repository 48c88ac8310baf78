import ConciergeDomain
import Foundation

/// A connector as the API (and `Tenants/<slug>/connectors.yaml`) describes it. Secrets
/// are write-only: a value sets one, `null` removes one, an absent name keeps it.
public struct ConnectorDraft: Decodable, Sendable, Equatable {
    public var key: String?
    public var kind: ConnectorKind?
    public var name: String?
    public var enabled: Bool?
    public var settings: [String: JSONValue]?
    public var secrets: [String: String?]?
    public var events: [String]?
    public var rateLimitPerMinute: Int?

    enum CodingKeys: String, CodingKey {
        case key, kind, name, enabled, settings, secrets, events
        case rateLimitPerMinute = "rate_limit_per_minute"
    }

    /// Event types a connector may subscribe to.
    public static let subscribableEvents: Set<String> = [
        "ticket.created", "ticket.updated", "ticket.commented", "ticket.sla_warning", "ticket.sla_breached",
        "ticket.satisfaction_received", "ticket.merged", "ticket.rules_fired",
    ]

    /// The connector this draft describes over `existing`, and the secrets it will hold
    /// (`existingSecrets` merged with the draft's).
    public func connector(
        updating existing: Connector?, existingSecrets: [String: String], tenant: TenantID, at date: Date
    ) throws(ValidationError) -> (Connector, [String: String]) {
        guard let key = key ?? existing?.key else { throw .missing("key") }
        let checkedKey = try Validate.key(key, field: "key")
        guard let kind = kind ?? existing?.kind else { throw .missing("kind") }
        if let existing, kind != existing.kind {
            throw ValidationError(field: "kind", code: "immutable", message: "a connector's kind cannot change")
        }
        let name = try Validate.displayName(name ?? existing?.name ?? checkedKey, field: "name")
        var merged = existingSecrets
        for (secret, value) in secrets ?? [:] {
            guard kind.secretNames.contains(secret) else {
                throw ValidationError(
                    field: "secrets.\(secret)", code: "unknown_secret",
                    message:
                        "\(kind.rawValue) connectors keep the secrets \(kind.secretNames.sorted().joined(separator: ", "))"
                )
            }
            if let value {
                guard !value.isEmpty, value.count <= 4096, !value.contains("\n") else {
                    throw ValidationError(
                        field: "secrets.\(secret)", code: "invalid_value",
                        message: "a secret is one line of 1-4096 characters")
                }
                merged[secret] = value
            } else {
                merged[secret] = nil
            }
        }
        if let missing = kind.requiredSecrets.subtracting(merged.keys).sorted().first {
            throw ValidationError(field: "secrets.\(missing)", code: "required", message: "\(missing) is required")
        }
        let settings = settings ?? existing?.settings ?? [:]
        try ConnectorSettingsRules.validate(settings, kind: kind, secretNames: Set(merged.keys))
        for key in ["title_template", "text_template"] {
            if case .string(let text)? = settings[key] { try MacroTemplate(text).validate(field: "settings.\(key)") }
        }
        let events = events ?? existing?.events ?? []
        for (index, event) in events.enumerated() where !Self.subscribableEvents.contains(event) {
            throw ValidationError(
                field: "events[\(index)]", code: "unknown_event",
                message: "events are \(Self.subscribableEvents.sorted().joined(separator: ", "))")
        }
        if !kind.isOutbound, !events.isEmpty {
            throw ValidationError(
                field: "events", code: "not_outbound",
                message: "\(kind.rawValue) connectors receive messages and subscribe to no events")
        }
        let rate = rateLimitPerMinute ?? existing?.rateLimitPerMinute ?? kind.defaultRateLimitPerMinute
        guard (1...60_000).contains(rate) else {
            throw ValidationError(
                field: "rate_limit_per_minute", code: "out_of_range", message: "rate_limit_per_minute is 1-60000")
        }
        let connector = Connector(
            id: existing?.id ?? ConnectorID(), tenantID: tenant, key: checkedKey, kind: kind, name: name,
            enabled: enabled ?? existing?.enabled ?? true, settings: settings, secretNames: Set(merged.keys),
            events: Array(Set(events)).sorted(), rateLimitPerMinute: rate,
            circuit: existing?.circuit ?? ConnectorCircuit(),
            createdAt: existing?.createdAt ?? date, updatedAt: date)
        return (connector, merged)
    }
}
