import ConciergeDomain
import Foundation
import Testing

/// The settings of `crm` and `erp` connectors: per vendor what is required, allowed and secret.
@Suite struct BusinessSystemSettingsTests {
    /// The smallest valid settings and secrets of each vendor.
    nonisolated(unsafe) static let minimal: [BusinessSystemVendor: ([String: Any], Set<String>)] = [
        .salesforce: (["base_url": "https://acme.my.salesforce.com"], ["client_id", "client_secret"]),
        .hubspot: ([:], ["access_token"]),
        .odoo: (["base_url": "https://acme.odoo.com", "database": "acme", "login": "api@acme.example"], ["api_key"]),
        .kingdee: (
            ["base_url": "https://erp.example.cn/k3cloud", "account_set_id": "62f0a1", "username": "concierge"],
            ["password"]
        ),
        .yonyou: (
            ["base_url": "https://api.diwork.com", "token_url": "https://api.diwork.com/open-auth"],
            ["app_key", "app_secret"]
        ),
    ]

    /// `value` (JSON-shaped Swift values) as a ``JSONValue``.
    static func json(_ value: Any) -> JSONValue {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: .fragmentsAllowed)) ?? Data()
        return (try? JSONDecoder().decode(JSONValue.self, from: data)) ?? .null
    }

    static func settings(_ values: [String: Any]) -> [String: JSONValue] { values.mapValues(json) }

    static func check(
        _ kind: ConnectorKind, _ vendor: BusinessSystemVendor, adding extra: [String: Any] = [:],
        secrets: Set<String>? = nil
    ) -> ValidationError? {
        let (minimal, required) = minimal[vendor]!
        var all = settings(minimal.merging(extra) { _, new in new })
        if extra["vendor"] == nil { all["vendor"] = .string(vendor.rawValue) }
        return validationError {
            try ConnectorSettingsRules.validate(all, kind: kind, secretNames: secrets ?? required)
        }
    }

    @Test(arguments: BusinessSystemVendor.allCases)
    func everyVendorIsACRMWithItsMinimalSettings(_ vendor: BusinessSystemVendor) {
        #expect(Self.check(.crm, vendor) == nil)
        #expect(Self.check(.erp, vendor)?.field == (vendor.keepsInventory ? nil : "settings.vendor"))
    }

    @Test(arguments: BusinessSystemVendor.allCases)
    func eachRequiredSettingAndSecretIsNamedWhenMissing(_ vendor: BusinessSystemVendor) {
        let (settings, secrets) = Self.minimal[vendor]!
        for key in settings.keys {
            var without = Self.settings(settings)
            without.removeValue(forKey: key)
            without["vendor"] = .string(vendor.rawValue)
            let error = validationError {
                try ConnectorSettingsRules.validate(without, kind: .crm, secretNames: secrets)
            }
            #expect(error?.field == "settings.\(key)" && error?.code == "required")
        }
        for secret in secrets {
            #expect(Self.check(.crm, vendor, secrets: secrets.subtracting([secret]))?.field == "secrets.\(secret)")
        }
        #expect(Self.check(.crm, vendor, secrets: secrets.union(["sign_secret"]))?.code == "unknown_secret")
    }

    @Test func aVendorRefusesAnotherVendorsSettings() {
        #expect(Self.check(.crm, .hubspot, adding: ["database": "acme"])?.field == "settings.database")
        #expect(Self.check(.crm, .odoo, adding: ["default_warehouse": "WH"])?.field == "settings.default_warehouse")
        #expect(Self.check(.erp, .odoo, adding: ["default_warehouse": "WH"]) == nil)
        #expect(Self.check(.erp, .kingdee, adding: ["sync": ["customers"]])?.field == "settings.sync")
        #expect(Self.check(.crm, .odoo, adding: ["vendor": "sap"])?.field == "settings.vendor")
        #expect(
            validationError { try ConnectorSettingsRules.validate([:], kind: .crm, secretNames: []) }?.field
                == "settings.vendor")
    }

    @Test func syncSettingsAreChecked() {
        #expect(Self.check(.crm, .hubspot, adding: ["sync": ["customers", "contracts"]]) == nil)
        let badLists: [Any] = [[String](), ["tickets"], ["customers", "customers"], "customers"]
        for bad in badLists {
            #expect(Self.check(.crm, .hubspot, adding: ["sync": bad])?.field == "settings.sync")
        }
        #expect(Self.check(.crm, .hubspot, adding: ["sync_interval_minutes": 1440]) == nil)
        let badIntervals: [Any] = [0, 1441, 2.5, "15"]
        for bad in badIntervals {
            #expect(
                Self.check(.crm, .hubspot, adding: ["sync_interval_minutes": bad])?.field
                    == "settings.sync_interval_minutes")
        }
        #expect(Self.check(.crm, .hubspot, adding: ["page_size": 1001])?.field == "settings.page_size")
    }

    @Test func connectionSettingsHaveTheirShapes() {
        #expect(Self.check(.crm, .odoo, adding: ["base_url": "ftp://acme"])?.code == "invalid_url")
        #expect(Self.check(.crm, .kingdee, adding: ["language_id": 0])?.field == "settings.language_id")
        #expect(Self.check(.erp, .odoo, adding: ["picking_type_by_warehouse": ["WH": 2]]) == nil)
        #expect(
            Self.check(.erp, .odoo, adding: ["picking_type_by_warehouse": ["WH": "two"]])?.field
                == "settings.picking_type_by_warehouse")
        #expect(Self.check(.crm, .hubspot, adding: ["external_ids_key": "k3"]) == nil)
        #expect(
            Self.check(.crm, .hubspot, adding: ["external_ids_key": "金蝶 k3"])?.field == "settings.external_ids_key")
    }

    @Test func syncKindsFollowTheSyncOrderWhateverTheSettingsOrder() {
        #expect(CRMSyncKinds.chosen([:]) == ["organizations", "customers", "contracts"])
        #expect(
            CRMSyncKinds.chosen(Self.settings(["sync": ["contracts", "organizations"]])) == [
                "organizations", "contracts",
            ])
    }

    @Test func theExternalIDSystemDefaultsToTheKey() {
        let at = Date(timeIntervalSince1970: 0)
        var connector = Connector(
            tenantID: TenantID(), key: "odoo-crm", kind: .crm, name: "Odoo", settings: ["vendor": .string("odoo")],
            createdAt: at, updatedAt: at)
        #expect(connector.externalIDSystem == "odoo-crm")
        connector.settings["external_ids_key"] = .string("odoo")
        #expect(connector.externalIDSystem == "odoo")
    }

    @Test func wholeNumbersAreReadFromJSON() {
        #expect(JSONValue.number(15).wholeNumber == 15)
        #expect(JSONValue.number(1.5).wholeNumber == nil)
        #expect(JSONValue.string("15").wholeNumber == nil)
        #expect(JSONValue.number(1e300).wholeNumber == nil)
    }
}

/// The settings of `rest` connectors: what each auth scheme needs, and body templates.
@Suite struct RESTConnectorSettingsTests {
    static func check(_ settings: [String: Any], secrets: Set<String> = []) -> ValidationError? {
        validationError {
            try ConnectorSettingsRules.validate(
                BusinessSystemSettingsTests.settings(settings), kind: .rest, secretNames: secrets)
        }
    }

    nonisolated(unsafe) static let base: [String: Any] = [
        "base_url": "https://erp.example.cn/api", "path": "/service-tickets",
    ]

    @Test func eachAuthSchemeNamesWhatItLacks() {
        #expect(Self.check(Self.base) == nil)
        #expect(Self.check([:])?.field == "settings.base_url")
        #expect(Self.check(Self.base.merging(["path": "tickets"]) { $1 })?.field == "settings.path")
        #expect(Self.check(Self.base.merging(["method": "DELETE"]) { $1 })?.field == "settings.method")
        let cases: [(String, [String: Any], Set<String>, String?)] = [
            ("basic", ["username": "svc"], ["password"], nil), ("basic", [:], ["password"], "settings.username"),
            ("basic", ["username": "svc"], [], "secrets.password"), ("bearer", [:], ["token"], nil),
            ("bearer", [:], [], "secrets.token"),
            ("oauth2", ["token_url": "https://id.example.cn/token", "client_id": "c"], ["client_secret"], nil),
            ("oauth2", ["client_id": "c"], ["client_secret"], "settings.token_url"),
            ("hmac", ["key_id": "k1"], ["hmac_secret"], nil), ("hmac", ["key_id": "k1"], [], "secrets.hmac_secret"),
        ]
        for (auth, extra, secrets, field) in cases {
            let settings = Self.base.merging(extra) { $1 }.merging(["auth": auth]) { $1 }
            #expect(Self.check(settings, secrets: secrets)?.field == field, "\(auth) \(extra) \(secrets)")
        }
    }

    @Test func bodyTemplatesAreJSONObjectsWithKnownPlaceholders() {
        let good = #"{"no": "{{ticket.number}}", "id": "{{ delivery_id }}", "n": 1}"#
        #expect(Self.check(Self.base.merging(["body_template": good]) { $1 }) == nil)
        for (template, code) in [
            (#"["{{ticket.number}}"]"#, "invalid_value"), ("not json", "invalid_value"),
            (#"{"x": "{{ticket.secret_notes}}"}"#, "unknown_placeholder"),
        ] {
            #expect(Self.check(Self.base.merging(["body_template": template]) { $1 })?.code == code, "\(template)")
        }
    }
}
