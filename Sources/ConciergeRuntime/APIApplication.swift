import ConciergeCore
import ConciergeHTTP
import Hummingbird
import Logging

/// Builds `concierge-api`: the HTTP application over the platform's use cases. `main`, the
/// `dev` command and the HTTP tests all call this.
public enum APIApplication {
    /// The router with every route and middleware.
    public static func router(_ platform: Platform) async throws -> Router<AppRequestContext> {
        Observability.bootstrapMetrics()
        let configuration = platform.configuration
        let services = HTTPServices(
            authentication: try await platform.authentication(), tenants: platform.tenantAdministration,
            users: platform.users, groups: platform.groups, tokens: platform.tokens, audit: platform.audit,
            tickets: platform.tickets, conversation: platform.conversation, fields: platform.fields,
            views: platform.views, macros: platform.macros, attachments: platform.attachments,
            serviceLevels: platform.serviceLevels, rules: platform.rules, notifications: platform.notifications,
            presence: platform.presence, satisfaction: platform.satisfaction,
            customers: platform.customers, connectors: platform.connectors, webhookIntake: platform.webhookIntake,
            webForms: platform.webForms, businessSystems: platform.businessSystemDesk,
            dashboard: SupervisorDashboard(store: platform.store), workspace: AgentWorkspace(store: platform.store),
            portal: platform.portal,
            limiter: platform.limiter,
            health: platform.health,
            metrics: { Observability.render() },
            settings: HTTPSettings(
                maxBodyBytes: configuration.maxBodyBytes, secureCookies: configuration.cookieSecure,
                sessionLifetimeSeconds: configuration.sessionTTLHours * 3600,
                requestsPerMinute: configuration.apiRequestsPerMinute, publicURL: configuration.publicURL))
        return APIRouter.build(services)
    }

    /// The application; its services include the Postgres client.
    public static func build(_ platform: Platform, port: Int? = nil) async throws -> some ApplicationProtocol {
        var app = Application(
            router: try await router(platform),
            configuration: .init(
                address: .hostname(platform.configuration.httpHost, port: port ?? platform.configuration.httpPort),
                serverName: "concierge"),
            logger: platform.logger)
        app.addServices(platform.postgres)
        return app
    }
}
