import ConciergeCore
import ConciergeDomain
import Logging
import PostgresNIO

/// Runs tenant-scoped transactions: `SET LOCAL app.tenant_id` first, so row-level security
/// confines every statement of the unit of work to one tenant. A transaction Postgres aborts
/// as a deadlock's victim runs again (at most three runs in all).
public struct PostgresTenantStore: TenantStore {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func transaction<T: Sendable>(
        _ tenant: TenantID, _ body: @Sendable (any TenantTransaction) async throws -> T
    ) async throws -> T {
        var log = logger
        log[metadataKey: "tenant_id"] = "\(tenant)"
        let scopedLogger = log
        var attempt = 1
        while true {
            do {
                return try await client.transaction(logger: scopedLogger) { connection in
                    try await connection.execute(TenantScopeStatement(tenantID: tenant), logger: scopedLogger)
                    return try await body(
                        PostgresTenantTransaction(tenantID: tenant, connection: connection, logger: scopedLogger))
                }
            } catch let error as PSQLError where error.sqlState == Self.deadlockDetected && attempt < Self.attempts {
                // Postgres rolled this transaction back to break a lock cycle with another (a
                // portal rating and the worker planning the same survey, say); nothing of it was
                // written, and once the other commits a second run goes through.
                scopedLogger.warning("transaction retried after a deadlock", metadata: ["attempt": "\(attempt)"])
                attempt += 1
            }
        }
    }

    /// SQLSTATE 40P01: the server chose this transaction as a deadlock's victim.
    static let deadlockDetected = "40P01"
    /// Runs of a transaction chosen as a deadlock's victim before the error is passed on.
    static let attempts = 3

    public func takeTicketNumber(_ tenant: TenantID) async throws -> TakenTicketNumber {
        // One statement, one implicit transaction: see migration 0009 for why it is safe.
        let rows = try await client.query(
            "SELECT number, config_version FROM ticket_number_take(\(tenant.rawValue))", logger: logger)
        for try await (number, version) in rows.decode((Int64, Int64).self) {
            return TakenTicketNumber(number: number, configurationVersion: version)
        }
        throw AppError(.unavailable, code: "numbering_failed", message: "could not allocate a ticket number")
    }
}

/// The repositories of one tenant transaction, all on the same connection.
struct PostgresTenantTransaction: TenantTransaction {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func tenant() async throws -> Tenant? {
        try await TenantPostgresDirectory.tenants(
            connection.query(
                "SELECT \(unescaped: TenantPostgresDirectory.columns) FROM tenants WHERE id = \(tenantID.rawValue)",
                logger: logger)
        ).first
    }

    var users: any UserRepository { UserPostgresRepository(tenantID: tenantID, connection: connection, logger: logger) }
    var groups: any GroupRepository {
        GroupPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var events: any EventLog { EventLogPostgresRepository(tenantID: tenantID, connection: connection, logger: logger) }
    var jobReceipts: any JobReceiptRepository {
        JobReceiptPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var probes: any ProbeRepository {
        ProbePostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var tickets: any TicketRepository {
        TicketPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var comments: any CommentRepository {
        CommentPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var links: any TicketLinkRepository {
        TicketLinkPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var attachments: any AttachmentRepository {
        AttachmentPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var macros: any MacroRepository {
        MacroPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var views: any ViewRepository { ViewPostgresRepository(tenantID: tenantID, connection: connection, logger: logger) }
    var customFields: any CustomFieldRepository {
        CustomFieldPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var customers: any CustomerRepository {
        CustomerPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var organizations: any OrganizationRepository {
        OrganizationPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var serviceLevels: any ServiceLevelRepository {
        ServiceLevelPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var rules: any RuleRepository { RulePostgresRepository(tenantID: tenantID, connection: connection, logger: logger) }
    var notifications: any NotificationRepository {
        NotificationPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var routing: any RoutingRepository {
        RoutingPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var reporting: any ReportingRepository {
        ReportingPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var satisfaction: any SatisfactionRepository {
        SatisfactionPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var connectors: any ConnectorRepository {
        ConnectorPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var emailMessages: any EmailMessageRepository {
        EmailMessagePostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var webhookIntake: any WebhookIntakeRepository {
        WebhookIntakePostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var crmSync: any CRMSyncRepository {
        CRMSyncPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var assets: any AssetRepository {
        AssetPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
    var portal: any PortalAccessRepository {
        PortalAccessPostgresRepository(tenantID: tenantID, connection: connection, logger: logger)
    }
}
