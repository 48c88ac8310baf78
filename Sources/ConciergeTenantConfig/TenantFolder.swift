import ConciergeCore
import ConciergeDomain
import Foundation

/// Reads a tenant configuration folder:
///
/// - `tenant.yaml` (required): `slug`, `name`, `time_zone`, `locale`
/// - `users.yaml`: `users:` list of `email`, `name`, `role`, `locale`
/// - `groups.yaml`: `groups:` list of `key`, `name`, `description`, `members` (emails)
/// - `fields.yaml`: `fields:` custom field definitions (as `POST /api/v1/ticket-fields`)
/// - `forms.yaml`: `forms:` ticket forms; `views.yaml`: `views:` shared views;
///   `macros.yaml`: `macros:` (the same JSON shapes as the API, in YAML)
/// - `calendars.yaml`: `calendars:`; `sla_policies.yaml`: `policies:`; `triggers.yaml`:
///   `triggers:`; `automations.yaml`: `automations:` (rules may name groups by key and users
///   by email)
/// - `connectors.yaml`: `connectors:` webhooks, DingTalk/WeCom robots, SMS gateways and
///   mailboxes (as `POST /api/v1/connectors`); each secret is `{env: VARIABLE}`, read from the
///   environment of the process applying the folder
///
/// Every error names the file, the line and the field.
public enum TenantFolder {
    /// Parses and validates the folder at `directory`.
    /// - Throws: ``TenantConfigError``.
    public static func read(
        _ directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> TenantBlueprint {
        let display = directory.path
        func load(_ name: String, required: Bool) throws -> YAMLValue? {
            let url = directory.appendingPathComponent(name)
            let file = "\(display)/\(name)"
            guard FileManager.default.fileExists(atPath: url.path) else {
                if required { throw TenantConfigError(file: file, line: nil, field: "", message: "is missing") }
                return nil
            }
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw TenantConfigError(file: file, line: nil, field: "", message: "cannot be read as UTF-8 text")
            }
            return try YAMLFile.root(text, file: file)
        }
        guard let tenantFile = try load("tenant.yaml", required: true), !tenantFile.isNull else {
            throw TenantConfigError(file: "\(display)/tenant.yaml", line: nil, field: "", message: "is empty")
        }
        let (slug, settings) = try readTenant(tenantFile)
        let folderName = directory.standardizedFileURL.lastPathComponent
        guard folderName == slug.rawValue else {
            throw TenantConfigError(
                file: "\(display)/tenant.yaml", line: tenantFile.line, field: "slug",
                message: "is '\(slug)' but the folder is named '\(folderName)'; they must match")
        }
        let users = try load("users.yaml", required: false).map(readUsers) ?? []
        let groups = try load("groups.yaml", required: false).map(readGroups) ?? []
        var blueprint = TenantBlueprint(slug: slug, settings: settings, users: users, groups: groups)
        let fields = try load("fields.yaml", required: false).map(readFields) ?? []
        blueprint.fields = fields
        blueprint.forms = try load("forms.yaml", required: false).map { try readForms($0, fields: fields) } ?? []
        blueprint.views = try load("views.yaml", required: false).map(readViews) ?? []
        blueprint.macros = try load("macros.yaml", required: false).map { try readMacros($0, fields: fields) } ?? []
        blueprint.calendars = try load("calendars.yaml", required: false).map(readCalendars) ?? []
        blueprint.slaPolicies =
            try load("sla_policies.yaml", required: false).map {
                try readPolicies($0, calendars: blueprint.calendars)
            } ?? []
        blueprint.triggers =
            try load("triggers.yaml", required: false).map { try readTriggers($0, fields: fields) } ?? []
        blueprint.automations =
            try load("automations.yaml", required: false).map { try readAutomations($0, fields: fields) } ?? []
        blueprint.connectors =
            try load("connectors.yaml", required: false).map { try readConnectors($0, environment: environment) } ?? []
        return blueprint
    }

    static func readTenant(_ root: YAMLValue) throws -> (TenantSlug, TenantSettingsChange) {
        let entries = try root.mapping(allowed: ["slug", "name", "time_zone", "locale", "brand_color"])
        guard let slugValue = entries["slug"] else { throw root.error("is required", field: "slug") }
        let slug = try located(slugValue) { try TenantSlug(try slugValue.string()) }
        var settings = TenantSettingsChange()
        if let name = entries["name"] {
            settings.name = try located(name) { try Validate.displayName(try name.string(), field: "name") }
        }
        if let zone = entries["time_zone"] {
            settings.timeZone = try located(zone) {
                let text = try zone.string()
                try Validate.timeZone(text, field: "time_zone")
                return text
            }
        }
        if let locale = entries["locale"] { settings.locale = try readLocale(locale) }
        if let color = entries["brand_color"] {
            settings.brandColor = .some(try located(color) { try BrandColor(try color.string()).hex })
        }
        return (slug, settings)
    }

    static func readUsers(_ root: YAMLValue) throws -> [TenantBlueprint.UserSpec] {
        guard let list = try root.mapping(allowed: ["users"])["users"] else { return [] }
        var seen: Set<String> = []
        return try list.sequence().map { item in
            let entries = try item.mapping(allowed: ["email", "name", "role", "locale", "skills", "regions"])
            guard let email = entries["email"] else { throw item.error("is required", field: "\(item.path).email") }
            guard let name = entries["name"] else { throw item.error("is required", field: "\(item.path).name") }
            let address = try located(email) { try Validate.email(try email.string()) }
            guard seen.insert(address).inserted else { throw email.error("appears twice") }
            let role =
                try entries["role"].map { value in
                    guard let role = Role(rawValue: try value.string()) else {
                        throw value.error("must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return role
                } ?? .agent
            return TenantBlueprint.UserSpec(
                email: address, name: try located(name) { try Validate.displayName(try name.string(), field: "name") },
                role: role, locale: try entries["locale"].map(readLocale),
                skills: try entries["skills"].map { list in
                    try located(list) { try Validate.keys(try list.strings(), field: "skills") }
                } ?? [],
                regions: try entries["regions"].map { list in
                    try located(list) { try Validate.keys(try list.strings(), field: "regions") }
                } ?? [])
        }
    }

    static func readGroups(_ root: YAMLValue) throws -> [TenantBlueprint.GroupSpec] {
        guard let list = try root.mapping(allowed: ["groups"])["groups"] else { return [] }
        var seen: Set<String> = []
        return try list.sequence().map { item in
            let entries = try item.mapping(allowed: ["key", "name", "description", "members", "routing"])
            guard let key = entries["key"] else { throw item.error("is required", field: "\(item.path).key") }
            guard let name = entries["name"] else { throw item.error("is required", field: "\(item.path).name") }
            let groupKey = try located(key) { try Validate.key(try key.string(), field: "key") }
            guard seen.insert(groupKey).inserted else { throw key.error("appears twice") }
            let members =
                try entries["members"].map { list in
                    try list.sequence().map { member in try located(member) { try Validate.email(try member.string()) }
                    }
                } ?? []
            return TenantBlueprint.GroupSpec(
                key: groupKey, name: try located(name) { try Validate.displayName(try name.string(), field: "name") },
                description: try entries["description"]?.string() ?? "", memberEmails: members,
                routing: try entries["routing"].map(readRouting))
        }
    }

    /// `routing: {method: round_robin, reroute_policy: reroute}`.
    static func readRouting(_ value: YAMLValue) throws -> GroupRouting {
        let entries = try value.mapping(allowed: ["method", "reroute_policy"])
        guard let methodValue = entries["method"] else {
            throw value.error("is required", field: "\(value.path).method")
        }
        guard let method = RoutingMethod(rawValue: try methodValue.string()) else {
            throw methodValue.error("must be one of \(RoutingMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var policy = ReroutePolicy.keep
        if let policyValue = entries["reroute_policy"] {
            guard let parsed = ReroutePolicy(rawValue: try policyValue.string()) else {
                throw policyValue.error(
                    "must be one of \(ReroutePolicy.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            policy = parsed
        }
        return GroupRouting(method: method, reroutePolicy: policy)
    }

    static func readLocale(_ value: YAMLValue) throws -> Tenant.Locale {
        guard let locale = Tenant.Locale(rawValue: try value.string()) else {
            throw value.error("must be one of \(Tenant.Locale.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return locale
    }

    /// Runs a domain validation, re-throwing its failure at `value`'s location.
    static func located<T>(_ value: YAMLValue, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ValidationError {
            throw value.error(error.message)
        }
    }

    static func readFields(_ root: YAMLValue) throws -> [CustomFieldDefinition] {
        try YAMLDocuments.read(root, listKey: "fields", allowedKeys: CustomFieldDraft.keys, as: CustomFieldDraft.self)
            .enumerated().map { index, entry in
                try YAMLDocuments.validating(entry.1) {
                    let definition = try entry.0.definition(updating: nil, position: index)
                    try definition.validate()
                    return definition
                }
            }
    }

    static func readForms(_ root: YAMLValue, fields: [CustomFieldDefinition]) throws -> [TicketForm] {
        try YAMLDocuments.read(root, listKey: "forms", allowedKeys: TicketFormDraft.keys, as: TicketFormDraft.self).map
        {
            draft, item in
            try YAMLDocuments.validating(item) {
                let form = try draft.form(updating: nil)
                try form.validate(against: fields)
                return form
            }
        }
    }

    static func readViews(_ root: YAMLValue) throws -> [TenantBlueprint.ViewSpec] {
        try YAMLDocuments.read(root, listKey: "views", allowedKeys: ViewSpec.keys, as: ViewSpec.self).map {
            spec, item in
            let key = try YAMLDocuments.validating(item) { try Validate.key(spec.key, field: "key") }
            let title = try YAMLDocuments.validating(item) {
                try Validate.displayName(spec.title, field: "title", maxLength: 100)
            }
            return TenantBlueprint.ViewSpec(key: key, title: title, filters: spec.filters)
        }
    }

    static func readMacros(_ root: YAMLValue, fields: [CustomFieldDefinition]) throws -> [Macro] {
        let values = CustomFieldValues(definitions: fields)
        return try YAMLDocuments.read(root, listKey: "macros", allowedKeys: MacroDraft.keys, as: MacroDraft.self).map {
            draft, item in
            try YAMLDocuments.validating(item) { try draft.macro(updating: nil).validate(customFields: values) }
        }
    }
}
