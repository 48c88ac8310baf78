import ConciergeCore
import Hummingbird
import Logging

/// Builds the router of `concierge-api`: operational endpoints at the root, the REST API
/// under `/api/v1`, the server-rendered agent workspace under `/agent` (``WebRoutes``) and the
/// customer portal under `/portal` (``PortalRoutes``).
public enum APIRouter {
    /// All routes with their middleware.
    public static func build(_ services: HTTPServices) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestIDMiddleware(maxUploadSize: services.settings.maxBodyBytes))
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ErrorEnvelopeMiddleware())
        OperationsRoutes(services: services).register(on: router)
        SurveyPageRoutes(services: services).register(on: router)
        InboundWebhookRoutes(services: services).register(on: router)
        WebFormRoutes(services: services).register(on: router)
        WebRoutes(services: services, resources: .bundled).register(on: router)
        PortalRoutes(services: services, resources: .bundled).register(on: router)
        let api = router.group("api/v1")
        AuthRoutes(services: services).register(on: api)
        let authenticated =
            api
            .add(
                middleware: AuthenticationMiddleware(
                    authentication: services.authentication, limiter: services.limiter,
                    requestsPerMinute: services.settings.requestsPerMinute)
            )
            .group(context: TenantContext.self)
        MeRoutes(services: services).register(on: authenticated)
        TenantRoutes(services: services).register(on: authenticated)
        UserRoutes(services: services).register(on: authenticated)
        GroupRoutes(services: services).register(on: authenticated)
        APITokenRoutes(services: services).register(on: authenticated)
        AuditRoutes(services: services).register(on: authenticated)
        TicketRoutes(services: services).register(on: authenticated)
        ServiceLevelRoutes(services: services).register(on: authenticated)
        RuleRoutes(services: services).register(on: authenticated)
        NotificationRoutes(services: services).register(on: authenticated)
        RoutingRoutes(services: services).register(on: authenticated)
        ConnectorRoutes(services: services).register(on: authenticated)
        BusinessSystemRoutes(services: services).register(on: authenticated)
        SatisfactionRoutes(services: services).register(on: authenticated)
        DashboardRoutes(services: services).register(on: authenticated)
        CommentRoutes(services: services).register(on: authenticated)
        CustomerRoutes(services: services).register(on: authenticated)
        OrganizationRoutes(services: services).register(on: authenticated)
        AssetRoutes(services: services).register(on: authenticated)
        AssetQRCodeRoutes(services: services).register(on: authenticated)
        FieldRoutes(services: services).register(on: authenticated)
        ViewRoutes(services: services).register(on: authenticated)
        TicketBulkRoutes(services: services).register(on: authenticated)
        MacroRoutes(services: services).register(on: authenticated)
        AttachmentRoutes(services: services).register(on: authenticated)
        TicketLinkRoutes(services: services).register(on: authenticated)
        return router
    }
}
