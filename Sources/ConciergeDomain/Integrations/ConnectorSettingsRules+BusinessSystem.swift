import Foundation

extension ConnectorSettingsRules {
    /// What a `crm` connector syncs, how often, and how many records per page.
    static let crmSyncSettings: Set<String> = ["sync", "sync_interval_minutes", "page_size"]

    /// The settings a `crm` or `erp` connector may have: `vendor`, every vendor's connection
    /// settings (checked per vendor in ``validateBusinessSystem(_:kind:secretNames:)``) and the
    /// kind's own.
    static func businessSystemSettings(_ kind: ConnectorKind) -> Set<String> {
        var keys: Set<String> = ["vendor", "external_ids_key"]
        for vendor in BusinessSystemVendor.allCases {
            keys.formUnion(vendor.requiredSettings)
            keys.formUnion(vendor.optionalSettings)
            if kind == .erp { keys.formUnion(vendor.inventorySettings) }
        }
        return kind == .crm ? keys.union(crmSyncSettings) : keys
    }

    /// Checks the vendor, its connection settings and secrets, and the kind's own settings.
    static func validateBusinessSystem(
        _ settings: [String: JSONValue], kind: ConnectorKind, secretNames: Set<String>
    ) throws(ValidationError) {
        let vendorNames = BusinessSystemVendor.allCases.filter { kind == .crm || $0.keepsInventory }.map(\.rawValue)
        guard let name = try oneOf(settings["vendor"], "vendor", vendorNames),
            let vendor = BusinessSystemVendor(rawValue: name)
        else {
            throw ValidationError(
                field: "settings.vendor", code: "required",
                message: "vendor is one of \(vendorNames.joined(separator: ", "))")
        }
        let own = Set(
            vendor.requiredSettings + vendor.optionalSettings + (kind == .erp ? vendor.inventorySettings : [])
        )
        .union(kind == .crm ? crmSyncSettings : []).union(["vendor", "external_ids_key"])
        if let foreign = settings.keys.sorted().first(where: { !own.contains($0) }) {
            throw ValidationError(
                field: "settings.\(foreign)", code: "unknown_setting",
                message: "\(name) \(kind.rawValue) connectors have no setting \(foreign)")
        }
        for key in vendor.requiredSettings where settings[key] == nil {
            throw ValidationError(field: "settings.\(key)", code: "required", message: "\(name) needs \(key)")
        }
        if let secret = vendor.secrets.sorted().first(where: { !secretNames.contains($0) }) {
            throw ValidationError(field: "secrets.\(secret)", code: "required", message: "\(name) needs \(secret)")
        }
        if let secret = secretNames.sorted().first(where: { !vendor.secrets.contains($0) }) {
            throw ValidationError(
                field: "secrets.\(secret)", code: "unknown_secret", message: "\(name) does not use \(secret)")
        }
        for key in ["base_url", "token_url"] { try url(settings[key], key, required: false) }
        if let value = settings["external_ids_key"] {
            do throws(ValidationError) {
                _ = try Validate.key(value.stringValue ?? "", field: "settings.external_ids_key")
            } catch {
                throw ValidationError(
                    field: "settings.external_ids_key", code: "invalid_value",
                    message: "external_ids_key names the external_ids entry of this system, like erp or kingdee")
            }
        }
        for key in [
            "database", "login", "account_set_id", "username", "api_version", "ticket_object",
            "ticket_external_id_field", "default_warehouse", "stock_organization", "issue_form_id",
            "reference_field", "organization", "move_field",
        ] {
            if let value = settings[key] { _ = try text(value, key) }
        }
        for key in ["language_id", "customer_location_id"] {
            _ = try integer(settings[key], key, in: 1...1_000_000_000)
        }
        for key in ["picking_type_by_warehouse", "source_location_by_warehouse"] {
            guard let value = settings[key] else { continue }
            guard case .object(let entries) = value, !entries.isEmpty,
                entries.allSatisfy({ if case .number(let n) = $1 { n >= 1 && n == n.rounded() } else { false } })
            else {
                throw ValidationError(
                    field: "settings.\(key)", code: "invalid_type",
                    message: "\(key) maps warehouse codes to Odoo record ids (whole numbers)")
            }
        }
        guard kind == .crm else { return }
        if let value = settings["sync"] {
            guard case .array(let items) = value, !items.isEmpty,
                items.allSatisfy({ CRMSyncKinds.all.contains($0.stringValue ?? "") }),
                Set(items.compactMap(\.stringValue)).count == items.count
            else {
                throw ValidationError(
                    field: "settings.sync", code: "invalid_value",
                    message: "sync lists what to pull: \(CRMSyncKinds.all.joined(separator: ", ")), each once")
            }
        }
        _ = try integer(settings["sync_interval_minutes"], "sync_interval_minutes", in: 1...1440)
        _ = try integer(settings["page_size"], "page_size", in: 1...1000)
    }

    private static func integer(_ value: JSONValue?, _ key: String, in range: ClosedRange<Int>)
        throws(ValidationError) -> Int?
    {
        guard let value else { return nil }
        guard case .number(let number) = value, number == number.rounded(), number >= Double(range.lowerBound),
            number <= Double(range.upperBound)
        else {
            throw ValidationError(
                field: "settings.\(key)", code: "invalid_value",
                message: "\(key) is a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(number)
    }
}

/// What a `crm` connector can pull, in the order a sync takes them (organizations first, so
/// customers and contracts find the organizations they belong to).
public enum CRMSyncKinds {
    /// `organizations`, `customers`, `contracts`.
    public static let all = ["organizations", "customers", "contracts"]

    /// The kinds `settings.sync` chooses (all when unset), in sync order.
    public static func chosen(_ settings: [String: JSONValue]) -> [String] {
        guard case .array(let items)? = settings["sync"] else { return all }
        let chosen = Set(items.compactMap(\.stringValue))
        return all.filter(chosen.contains)
    }
}
