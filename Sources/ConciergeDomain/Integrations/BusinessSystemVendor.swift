/// The CRM and ERP products Concierge ships presets for (`integrations/<vendor>/`): what a
/// `crm` or `erp` connector's `vendor` setting names, and what each needs to connect.
public enum BusinessSystemVendor: String, Sendable, CaseIterable {
    case salesforce
    case hubspot
    case odoo
    case kingdee
    case yonyou

    /// Whether the preset reads spare-part stock and writes issue orders (an `erp` connector).
    public var keepsInventory: Bool { self == .odoo || self == .kingdee || self == .yonyou }

    /// Connection settings that must be present.
    var requiredSettings: [String] {
        switch self {
        case .salesforce: ["base_url"]
        case .hubspot: []
        case .odoo: ["base_url", "database", "login"]
        case .kingdee: ["base_url", "account_set_id", "username"]
        case .yonyou: ["base_url", "token_url"]
        }
    }

    /// Connection settings that may be present (besides the required ones).
    var optionalSettings: [String] {
        switch self {
        case .salesforce: ["api_version", "ticket_object", "ticket_external_id_field"]
        case .hubspot: ["base_url", "ticket_object"]
        case .odoo: []
        case .kingdee: ["language_id"]
        case .yonyou: []
        }
    }

    /// Stock settings an `erp` connector of this vendor may have.
    var inventorySettings: [String] {
        switch self {
        case .salesforce, .hubspot: []
        case .odoo:
            [
                "default_warehouse", "picking_type_by_warehouse", "source_location_by_warehouse",
                "customer_location_id", "move_field",
            ]
        case .kingdee: ["default_warehouse", "stock_organization", "issue_form_id", "reference_field"]
        case .yonyou: ["default_warehouse", "organization"]
        }
    }

    /// The secrets this vendor signs in with, all required.
    public var secrets: Set<String> {
        switch self {
        case .salesforce: ["client_id", "client_secret"]
        case .hubspot: ["access_token"]
        case .odoo: ["api_key"]
        case .kingdee: ["password"]
        case .yonyou: ["app_key", "app_secret"]
        }
    }

    /// Every secret any vendor uses: the secret names of `crm` and `erp` connectors.
    static let allSecrets: Set<String> = allCases.reduce(into: []) { $0.formUnion($1.secrets) }
}
