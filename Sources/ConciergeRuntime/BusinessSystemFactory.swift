import ConciergeConnectors
import ConciergeCore
import ConciergeDomain
import Foundation
import Synchronization

/// Builds the vendor connector (`integrations/<vendor>` preset) of a `crm` or `erp` connector,
/// or the client of a `rest` connector, from its settings and opened secrets, and keeps it while
/// they stay the same, so its OAuth token or session is reused across calls instead of fetched
/// for each.
final class BusinessSystemFactory: Sendable {
    /// A built connector, and the settings and secrets it was built from.
    private struct Entry {
        var fingerprint: String
        var crm: (any CRMSource)?
        var erp: (any ERPConnector)?
        var rest: GenericRESTConnector?
    }

    let transport: any ConnectorHTTPTransport
    private let entries = Mutex<[ConnectorID: Entry]>([:])

    init(transport: any ConnectorHTTPTransport) {
        self.transport = transport
    }

    /// The CRM side of `endpoint`'s vendor.
    func crm(_ endpoint: ConnectorEndpoint) throws(BusinessSystemFailure) -> any CRMSource {
        let built = try cached(endpoint)
        guard let crm = built.crm else { throw Self.unsupported(endpoint, "customer sync") }
        return crm
    }

    /// The ERP side of `endpoint`'s vendor.
    func erp(_ endpoint: ConnectorEndpoint) throws(BusinessSystemFailure) -> any ERPConnector {
        let built = try cached(endpoint)
        guard let erp = built.erp else { throw Self.unsupported(endpoint, "stock and issue orders") }
        return erp
    }

    /// The client of a `rest` connector.
    func rest(_ endpoint: ConnectorEndpoint) throws(BusinessSystemFailure) -> GenericRESTConnector {
        guard let rest = try cached(endpoint).rest else {
            throw BusinessSystemFailure(reason: "not a rest connector", retryable: false)
        }
        return rest
    }

    private func cached(_ endpoint: ConnectorEndpoint) throws(BusinessSystemFailure) -> Entry {
        let fingerprint = Self.fingerprint(endpoint)
        if let entry = entries.withLock({ $0[endpoint.connectorID] }), entry.fingerprint == fingerprint { return entry }
        let entry =
            endpoint.kind == .rest
            ? Entry(fingerprint: fingerprint, rest: restConnector(endpoint))
            : try build(endpoint, fingerprint: fingerprint)
        entries.withLock { entries in
            if entries.count > 1000 { entries.removeAll() }
            entries[endpoint.connectorID] = entry
        }
        return entry
    }

    private func build(_ endpoint: ConnectorEndpoint, fingerprint: String) throws(BusinessSystemFailure) -> Entry {
        let settings = endpoint.settings
        let secrets = endpoint.secrets
        func text(_ key: String) -> String? { if case .string(let value)? = settings[key] { value } else { nil } }
        func int(_ key: String) -> Int? { settings[key]?.wholeNumber }
        func ids(_ key: String) -> [String: Int] {
            guard case .object(let entries)? = settings[key] else { return [:] }
            return entries.compactMapValues(\.wholeNumber)
        }
        guard let vendor = text("vendor").flatMap(BusinessSystemVendor.init(rawValue:)) else {
            throw BusinessSystemFailure(reason: "the connector names no known vendor", retryable: false)
        }
        let base = text("base_url") ?? ""
        switch vendor {
        case .salesforce:
            var configuration = SalesforceConfiguration(
                baseURL: base, clientID: secrets["client_id"] ?? "", clientSecret: secrets["client_secret"] ?? "")
            if let version = text("api_version") { configuration.apiVersion = version }
            if let object = text("ticket_object") { configuration.ticketObject = object }
            if let field = text("ticket_external_id_field") { configuration.ticketExternalIDField = field }
            return Entry(
                fingerprint: fingerprint, crm: SalesforceConnector(configuration: configuration, transport: transport))
        case .hubspot:
            var configuration = HubSpotConfiguration(accessToken: secrets["access_token"] ?? "")
            if let base = text("base_url") { configuration.baseURL = base }
            if let object = text("ticket_object") { configuration.ticketObject = object }
            return Entry(
                fingerprint: fingerprint, crm: HubSpotConnector(configuration: configuration, transport: transport))
        case .odoo:
            var configuration = OdooConfiguration(
                baseURL: base, database: text("database") ?? "", login: text("login") ?? "",
                apiKey: secrets["api_key"] ?? "")
            configuration.pickingTypeByWarehouse = ids("picking_type_by_warehouse")
            configuration.sourceLocationByWarehouse = ids("source_location_by_warehouse")
            if let warehouse = text("default_warehouse") { configuration.defaultWarehouse = warehouse }
            if let location = int("customer_location_id") { configuration.customerLocationID = location }
            if let field = text("move_field") { configuration.moveField = field }
            let connector = OdooConnector(configuration: configuration, transport: transport)
            return Entry(fingerprint: fingerprint, crm: connector, erp: connector)
        case .kingdee:
            let organization = text("stock_organization") ?? "100"
            var configuration = KingdeeConfiguration(
                baseURL: base, accountSetID: text("account_set_id") ?? "", username: text("username") ?? "",
                password: secrets["password"] ?? "", languageID: int("language_id") ?? 2052,
                issueTemplate: KingdeeConfiguration.standardIssueTemplate(stockOrganization: organization))
            if let form = text("issue_form_id") { configuration.issueFormID = form }
            if let field = text("reference_field") { configuration.referenceField = field }
            if let warehouse = text("default_warehouse") { configuration.defaultWarehouse = warehouse }
            let connector = KingdeeConnector(configuration: configuration, transport: transport)
            return Entry(fingerprint: fingerprint, crm: connector, erp: connector)
        case .yonyou:
            let organization = text("organization") ?? "101"
            var configuration = YonyouConfiguration(
                baseURL: base, tokenURL: text("token_url") ?? "", appKey: secrets["app_key"] ?? "",
                appSecret: secrets["app_secret"] ?? "",
                issueTemplate: YonyouConfiguration.standardIssueTemplate(organization: organization))
            if let warehouse = text("default_warehouse") { configuration.defaultWarehouse = warehouse }
            let connector = YonyouConnector(configuration: configuration, transport: transport)
            return Entry(fingerprint: fingerprint, crm: connector, erp: connector)
        }
    }

    private func restConnector(_ endpoint: ConnectorEndpoint) -> GenericRESTConnector {
        let settings = endpoint.settings
        let secrets = endpoint.secrets
        func text(_ key: String) -> String? { settings[key]?.stringValue }
        let auth: RESTAuth =
            switch text("auth") ?? "none" {
            case "basic": .basic(username: text("username") ?? "", password: secrets["password"] ?? "")
            case "bearer": .bearer(token: secrets["token"] ?? "")
            case "oauth2":
                .oauth2ClientCredentials(
                    tokenURL: text("token_url") ?? "", clientID: text("client_id") ?? "",
                    clientSecret: secrets["client_secret"] ?? "", scope: text("scope"))
            case "hmac": .hmac(HMACSigningKey(keyID: text("key_id") ?? "", secret: secrets["hmac_secret"] ?? ""))
            default: .none
            }
        var headers: [ConnectorHTTPHeader] = []
        if case .object(let fields)? = settings["headers"] {
            headers = fields.sorted { $0.key < $1.key }.compactMap { name, value in
                value.stringValue.map { ConnectorHTTPHeader(name, $0) }
            }
        }
        return GenericRESTConnector(
            baseURL: text("base_url") ?? "", path: text("path") ?? "/", method: text("method") ?? "POST", auth: auth,
            headers: headers, template: text("body_template").map(JSONTemplate.init), transport: transport)
    }

    /// Settings and secrets as one text, to tell a changed connector (kept in memory only).
    private static func fingerprint(_ endpoint: ConnectorEndpoint) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let settings = (try? encoder.encode(JSONValue.object(endpoint.settings))) ?? Data()
        let secrets = (try? encoder.encode(endpoint.secrets)) ?? Data()
        return
            "\(endpoint.kind.rawValue)|\(String(decoding: settings, as: UTF8.self))|\(String(decoding: secrets, as: UTF8.self))"
    }

    private static func unsupported(_ endpoint: ConnectorEndpoint, _ what: String) -> BusinessSystemFailure {
        let vendor = endpoint.settings["vendor"]?.stringValue ?? "this vendor"
        return BusinessSystemFailure(reason: "\(vendor)'s preset has no \(what)", retryable: false)
    }
}
