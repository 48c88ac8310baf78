import Foundation

/// One configured connector of a tenant: where its messages go and when.
///
/// Secrets are not part of it: they stay sealed in storage and are opened only for a delivery
/// (``secretNames`` says which are set, so the API can show that without showing them).
public struct Connector: Sendable, Equatable {
    public var id: ConnectorID
    public var tenantID: TenantID
    /// The tenant's own name for it (rules call it by this key).
    public var key: String
    public var kind: ConnectorKind
    public var name: String
    public var enabled: Bool
    /// Non-secret settings, validated for the kind by ``ConnectorSettingsRules``.
    public var settings: [String: JSONValue]
    /// Names of the secrets that are set.
    public var secretNames: Set<String>
    /// Event types whose events are sent to it (`ticket.created`); empty: only rules call it.
    public var events: [String]
    public var rateLimitPerMinute: Int
    public var circuit: ConnectorCircuit
    public var createdAt: Date
    public var updatedAt: Date

    /// The entry of customers' and organizations' `external_ids` that holds their ids in this
    /// connector's system: `settings.external_ids_key`, or the connector's key. A CRM and an ERP
    /// connector to the same system share it by naming the same key.
    public var externalIDSystem: String { settings["external_ids_key"]?.stringValue ?? key }

    public init(
        id: ConnectorID = ConnectorID(), tenantID: TenantID, key: String, kind: ConnectorKind, name: String,
        enabled: Bool = true, settings: [String: JSONValue], secretNames: Set<String> = [], events: [String] = [],
        rateLimitPerMinute: Int? = nil, circuit: ConnectorCircuit = ConnectorCircuit(), createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.key = key
        self.kind = kind
        self.name = name
        self.enabled = enabled
        self.settings = settings
        self.secretNames = secretNames
        self.events = events
        self.rateLimitPerMinute = rateLimitPerMinute ?? kind.defaultRateLimitPerMinute
        self.circuit = circuit
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
