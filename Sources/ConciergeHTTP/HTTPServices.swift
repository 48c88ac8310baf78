import ConciergeCore

/// Everything the HTTP layer needs, as use cases and ports; the concrete adapters are chosen
/// by the runtime.
public struct HTTPServices: Sendable {
    public var authentication: Authentication
    public var tenants: TenantAdministration
    public var users: UserAdministration
    public var groups: GroupAdministration
    public var tokens: APITokenAdministration
    public var audit: AuditTrail
    public var tickets: TicketDesk
    public var conversation: TicketConversation
    public var customers: CustomerDirectory
    public var fields: FieldCatalog
    public var views: ViewCatalog
    public var macros: MacroCatalog
    public var attachments: TicketAttachments
    public var serviceLevels: ServiceLevelCatalog
    public var rules: RuleCatalog
    public var notifications: NotificationFeed
    public var presence: AgentPresenceDesk
    public var satisfaction: SatisfactionDesk
    public var connectors: ConnectorHub
    public var webhookIntake: WebhookIntake
    public var webForms: WebFormIntake
    public var businessSystems: BusinessSystemDesk
    public var dashboard: SupervisorDashboard
    /// The agent workspace's page reads, one transaction per page.
    public var workspace: AgentWorkspace
    /// The customer portal (`/portal/{tenant}`).
    public var portal: CustomerPortal
    public var limiter: any RateLimiter
    public var health: [any HealthProbe]
    /// Renders the Prometheus text exposition of this process.
    public var metrics: @Sendable () async -> String
    public var settings: HTTPSettings

    public init(
        authentication: Authentication, tenants: TenantAdministration, users: UserAdministration,
        groups: GroupAdministration, tokens: APITokenAdministration, audit: AuditTrail, tickets: TicketDesk,
        conversation: TicketConversation, fields: FieldCatalog, views: ViewCatalog, macros: MacroCatalog,
        attachments: TicketAttachments, serviceLevels: ServiceLevelCatalog, rules: RuleCatalog,
        notifications: NotificationFeed, presence: AgentPresenceDesk, satisfaction: SatisfactionDesk,
        customers: CustomerDirectory, connectors: ConnectorHub, webhookIntake: WebhookIntake, webForms: WebFormIntake,
        businessSystems: BusinessSystemDesk, dashboard: SupervisorDashboard, workspace: AgentWorkspace,
        portal: CustomerPortal,
        limiter: any RateLimiter,
        health: [any HealthProbe], metrics: @escaping @Sendable () async -> String, settings: HTTPSettings
    ) {
        self.authentication = authentication
        self.tenants = tenants
        self.users = users
        self.groups = groups
        self.tokens = tokens
        self.audit = audit
        self.tickets = tickets
        self.conversation = conversation
        self.customers = customers
        self.fields = fields
        self.views = views
        self.macros = macros
        self.attachments = attachments
        self.serviceLevels = serviceLevels
        self.rules = rules
        self.notifications = notifications
        self.presence = presence
        self.satisfaction = satisfaction
        self.connectors = connectors
        self.webhookIntake = webhookIntake
        self.webForms = webForms
        self.businessSystems = businessSystems
        self.dashboard = dashboard
        self.workspace = workspace
        self.portal = portal
        self.limiter = limiter
        self.health = health
        self.metrics = metrics
        self.settings = settings
    }
}

/// HTTP-level settings taken from configuration.
public struct HTTPSettings: Sendable {
    public var maxBodyBytes: Int
    public var secureCookies: Bool
    public var sessionLifetimeSeconds: Int
    public var requestsPerMinute: Int
    /// Where customers reach the service (links in QR codes).
    public var publicURL: String

    public init(
        maxBodyBytes: Int = 1 << 20, secureCookies: Bool = true, sessionLifetimeSeconds: Int = 12 * 3600,
        requestsPerMinute: Int = 3000, publicURL: String = "http://localhost:8080"
    ) {
        self.publicURL = publicURL
        self.maxBodyBytes = maxBodyBytes
        self.secureCookies = secureCookies
        self.sessionLifetimeSeconds = sessionLifetimeSeconds
        self.requestsPerMinute = requestsPerMinute
    }
}
