import ConciergeDomain

/// Runs units of work inside one tenant: every repository reached through the transaction sees
/// only that tenant's rows (row-level security), and everything written commits or rolls back
/// together — the change, its events and its outbox rows.
public protocol TenantStore: Sendable {
    /// Runs `body` in a transaction scoped to `tenant`.
    func transaction<T: Sendable>(
        _ tenant: TenantID, _ body: @Sendable (any TenantTransaction) async throws -> T
    ) async throws -> T
}

/// The repositories of one tenant-scoped transaction.
public protocol TenantTransaction: Sendable {
    var tenantID: TenantID { get }
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
}
