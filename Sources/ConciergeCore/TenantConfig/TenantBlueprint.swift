import ConciergeDomain

/// A tenant's configuration as code (`Tenants/<slug>/`), parsed and validated: what
/// `concierge tenant apply` makes true.
public struct TenantBlueprint: Sendable, Equatable {
    public var slug: TenantSlug
    public var settings: TenantSettingsChange
    public var users: [UserSpec]
    public var groups: [GroupSpec]
    /// Custom field definitions (ids are assigned on apply; matched by key).
    public var fields: [CustomFieldDefinition] = []
    public var forms: [TicketForm] = []
    /// Shared views.
    public var views: [ViewSpec] = []
    public var macros: [Macro] = []
    /// Business calendars by key (validated).
    public var calendars: [CalendarSpec] = []
    public var slaPolicies: [SLAPolicy] = []
    /// Rules as written: groups may be named by key and users by email (resolved on apply).
    public var triggers: [Trigger] = []
    public var automations: [Automation] = []
    /// Connectors and mailboxes by key, secrets already read from the environment.
    public var connectors: [ConnectorDraft] = []

    public init(slug: TenantSlug, settings: TenantSettingsChange, users: [UserSpec], groups: [GroupSpec]) {
        self.slug = slug
        self.settings = settings
        self.users = users
        self.groups = groups
    }

    /// A user to invite or keep in shape; matched by email.
    public struct UserSpec: Sendable, Equatable {
        public var email: String
        public var name: String
        public var role: Role
        public var locale: Tenant.Locale?
        public var skills: [String]
        public var regions: [String]

        public init(
            email: String, name: String, role: Role, locale: Tenant.Locale?, skills: [String] = [],
            regions: [String] = []
        ) {
            self.skills = skills
            self.regions = regions
            self.email = email
            self.name = name
            self.role = role
            self.locale = locale
        }
    }

    /// A group; matched by key. Members are named by email.
    public struct GroupSpec: Sendable, Equatable {
        public var key: String
        public var name: String
        public var description: String
        public var memberEmails: [String]
        /// How the group hands out tickets; `nil` leaves the stored setting alone.
        public var routing: GroupRouting?

        public init(
            key: String, name: String, description: String, memberEmails: [String], routing: GroupRouting? = nil
        ) {
            self.key = key
            self.name = name
            self.description = description
            self.memberEmails = memberEmails
            self.routing = routing
        }
    }

    /// A business calendar; matched by key.
    public struct CalendarSpec: Sendable, Equatable {
        public var key: String
        public var calendar: BusinessCalendar

        public init(key: String, calendar: BusinessCalendar) {
            self.key = key
            self.calendar = calendar
        }
    }

    /// A shared view; matched by key.
    public struct ViewSpec: Sendable, Equatable {
        public var key: String
        public var title: String
        public var filters: ViewFilters

        public init(key: String, title: String, filters: ViewFilters) {
            self.key = key
            self.title = title
            self.filters = filters
        }
    }
}
