import ConciergeDomain

/// The paths of the admin console.
enum AdminPaths {
    static let home = "/admin"
    static let settings = "/admin/settings"
    static let users = "/admin/users"
    static let groups = "/admin/groups"
    static let tokens = "/admin/tokens"
    static let connectors = "/admin/connectors"
    static let fields = "/admin/fields"
    static let forms = "/admin/forms"
    static let serviceLevels = "/admin/sla"
    static let calendars = "/admin/sla/calendars"
    static let policies = "/admin/sla/policies"
    static let triggers = "/admin/rules/triggers"
    static let automations = "/admin/rules/automations"

    static func user(_ id: UserID) -> String { "\(users)/\(id)" }
    static func group(_ id: GroupID) -> String { "\(groups)/\(id)" }
    static func token(_ id: APITokenID) -> String { "\(tokens)/\(id)" }
    static func connector(_ id: ConnectorID) -> String { "\(connectors)/\(id)" }
    static func field(_ id: CustomFieldID) -> String { "\(fields)/\(id)" }
    static func form(_ id: TicketFormID) -> String { "\(forms)/\(id)" }
    static func calendar(_ key: String) -> String { "\(calendars)/\(key)" }
    static func policy(_ key: String) -> String { "\(policies)/\(key)" }
    static func trigger(_ key: String) -> String { "\(triggers)/\(key)" }
    static func automation(_ key: String) -> String { "\(automations)/\(key)" }

    /// Whether `path` is a page of the console (`/admin`, `/admin/…`, `/admin?…`).
    static func contains(_ path: String) -> Bool {
        path == home || path.hasPrefix("\(home)/") || path.hasPrefix("\(home)?")
    }
}
