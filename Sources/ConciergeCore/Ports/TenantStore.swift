import ConciergeDomain

/// Runs units of work inside one tenant: every repository reached through the transaction sees
/// only that tenant's rows (row-level security), and everything written commits or rolls back
/// together — the change, its events and its outbox rows.
public protocol TenantStore: Sendable {
    /// Runs `body` in a transaction scoped to `tenant`. A transaction the database aborts to
    /// break a deadlock runs again, so `body` may run more than once: it must do nothing but
    /// database work (effects for after the commit are returned, not performed).
    func transaction<T: Sendable>(
        _ tenant: TenantID, _ body: @Sendable (any TenantTransaction) async throws -> T
    ) async throws -> T

    /// Allocates `tenant`'s next ticket number (1001 for its first ticket) in a statement of
    /// its own, outside any open transaction, so that a tenant's creates never queue behind
    /// each other's commits. A number whose ticket is never saved stays a gap.
    func takeTicketNumber(_ tenant: TenantID) async throws -> TakenTicketNumber
}

/// A freshly allocated ticket number, and the version of the tenant's ticket configuration
/// (custom fields and forms) at that moment, which tells ``TicketConfigurationCache`` whether
/// its copy is current.
public struct TakenTicketNumber: Sendable, Equatable {
    public var number: Int64
    public var configurationVersion: Int64

    public init(number: Int64, configurationVersion: Int64) {
        self.number = number
        self.configurationVersion = configurationVersion
    }
}

/// The repositories of one tenant-scoped transaction.
public protocol TenantTransaction: Sendable {
    var tenantID: TenantID { get }
    /// The tenant itself, read on the transaction's own connection: code running inside a
    /// transaction must never wait for a second connection (with every pooled connection held
    /// by such waiters, nothing would move).
    func tenant() async throws -> Tenant?
    var users: any UserRepository { get }
    var groups: any GroupRepository { get }
    var events: any EventLog { get }
    var jobReceipts: any JobReceiptRepository { get }
    var probes: any ProbeRepository { get }
    var tickets: any TicketRepository { get }
    var comments: any CommentRepository { get }
    var customers: any CustomerRepository { get }
    var organizations: any OrganizationRepository { get }
    var assets: any AssetRepository { get }
    var customFields: any CustomFieldRepository { get }
    var views: any ViewRepository { get }
    var macros: any MacroRepository { get }
    var attachments: any AttachmentRepository { get }
    var links: any TicketLinkRepository { get }
    var serviceLevels: any ServiceLevelRepository { get }
    var rules: any RuleRepository { get }
    var notifications: any NotificationRepository { get }
    var routing: any RoutingRepository { get }
    var satisfaction: any SatisfactionRepository { get }
    var connectors: any ConnectorRepository { get }
    var emailMessages: any EmailMessageRepository { get }
    var webhookIntake: any WebhookIntakeRepository { get }
    var crmSync: any CRMSyncRepository { get }
    var reporting: any ReportingRepository { get }
    var portal: any PortalAccessRepository { get }
}
