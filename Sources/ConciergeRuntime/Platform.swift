import ConciergeConnectors
import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeQueue
import Foundation
import Logging
import PostgresNIO

/// The composed platform: connections, adapters and use cases, built once from configuration
/// and shared by the API, the worker, the scheduler, the CLI and the tests.
///
/// - Important: ``postgres`` must run (it is a `Service`) for any query to complete; the
///   service entry points add it to their service group, the CLI runs it around each command.
public struct Platform: Sendable {
    public let configuration: ConciergeConfiguration
    public let logger: Logger
    public let postgres: PostgresClient
    public let redis: RedisConnectionPool
    public let queue: RedisJobQueue
    public let limiter: RedisRateLimiter
    public let tenants: TenantPostgresDirectory
    public let credentials: CredentialPostgresStore
    /// The credentials as requests use them: live API tokens remembered for a few seconds.
    public let cachedCredentials: CachedCredentialStore
    public let store: PostgresTenantStore
    public let outbox: OutboxPostgresSource
    public let election: PostgresLeaderElection
    public let hasher: BcryptPasswordHasher
    public let health: [any HealthProbe]
    /// The outgoing mail relay (or none: emails are recorded as undeliverable).
    public let emailSender: any EmailSender
    /// Seals and opens connector secrets (CONCIERGE_SECRET_KEYS).
    public let secretBox: SecretBox
    /// Sends connector messages (SSRF-guarded HTTP client and the vendor formats).
    public let connectorGateway: any ConnectorGateway
    /// Where connectors (HTTP peers, IMAP servers) may connect (SSRF guard).
    let addressPolicy: OutboundAddressPolicy
    /// The CRM and ERP vendor connectors, built once per connector and shared by the deliveries,
    /// the CRM sync and stock lookups.
    let businessSystemFactory: BusinessSystemFactory
    /// Tenants' custom fields and forms for ticket creation, shared by every request.
    public let ticketConfigurations = TicketConfigurationCache()

    /// Connects nothing yet: clients open connections on first use.
    public init(configuration: ConciergeConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        var postgresConfiguration = try DatabaseURL(configuration.databaseURL).clientConfiguration()
        postgresConfiguration.options.maximumConnections = configuration.databasePoolSize
        postgresConfiguration.options.minimumConnections = 0
        postgres = PostgresClient(configuration: postgresConfiguration, backgroundLogger: logger)
        redis = RedisConnectionPool(
            configuration: try RedisConfiguration(url: configuration.redisURL), size: configuration.redisPoolSize,
            logger: logger)
        queue = RedisJobQueue(pool: redis, keyPrefix: configuration.redisPrefix, logger: logger)
        limiter = RedisRateLimiter(pool: redis, keyPrefix: configuration.redisPrefix)
        tenants = TenantPostgresDirectory(client: postgres, logger: logger)
        credentials = CredentialPostgresStore(client: postgres, logger: logger)
        cachedCredentials = CachedCredentialStore(credentials, lifetime: .seconds(configuration.tokenCacheSeconds))
        store = PostgresTenantStore(client: postgres, logger: logger)
        outbox = OutboxPostgresSource(client: postgres, logger: logger)
        election = PostgresLeaderElection(client: postgres, logger: logger)
        hasher = BcryptPasswordHasher(cost: configuration.bcryptCost)
        health = [PostgresHealthProbe(client: postgres, logger: logger), RedisHealthProbe(pool: redis)]
        emailSender = try SMTPEmailSender(configuration: configuration, logger: logger)
        secretBox = SecretBox(ring: configuration.secretKeys) ?? SecretBox(keys: [])
        var allowed: [IPAddressRange] = []
        for network in configuration.connectorAllowedNetworks {
            guard let range = IPAddressRange(network) else {
                throw ConfigurationError(
                    variable: "CONCIERGE_CONNECTOR_ALLOWED_NETWORKS",
                    message: "\(network) is not an address or CIDR range")
            }
            allowed.append(range)
        }
        let policy = OutboundAddressPolicy(
            mode: configuration.deploymentMode == .selfHosted ? .selfHosted : .shared, allowList: allowed)
        addressPolicy = policy
        let transport = try ConnectorHTTPClient(configuration: .init(addressPolicy: policy), logger: logger)
        let factory = BusinessSystemFactory(transport: transport)
        businessSystemFactory = factory
        connectorGateway = VendorConnectorGateway(transport: transport, businessSystems: factory, logger: logger)
    }

    // MARK: Use cases

    public var tenantAdministration: TenantAdministration { TenantAdministration(tenants: tenants, store: store) }
    public var users: UserAdministration {
        UserAdministration(tenants: tenants, store: store, credentials: credentials, hasher: hasher)
    }
    public var groups: GroupAdministration { GroupAdministration(store: store) }
    public var tokens: APITokenAdministration { APITokenAdministration(credentials: cachedCredentials, store: store) }
    public var audit: AuditTrail { AuditTrail(store: store) }
    public var tickets: TicketDesk { TicketDesk(store: store, configurations: ticketConfigurations) }
    public var conversation: TicketConversation { TicketConversation(store: store) }
    public var customers: CustomerDirectory { CustomerDirectory(store: store) }
    public var fields: FieldCatalog { FieldCatalog(store: store) }
    public var views: ViewCatalog { ViewCatalog(store: store) }
    public var macros: MacroCatalog { MacroCatalog(store: store) }
    public var attachments: TicketAttachments {
        TicketAttachments(
            store: store,
            storage: FileSystemAttachmentStorage(root: URL(fileURLWithPath: configuration.attachmentsDirectory)),
            policy: AttachmentPolicy(maxBytes: configuration.attachmentMaxBytes))
    }
    /// Inbound email into tickets and replies (IMAP poller, inbound SMTP endpoint).
    public var emailIntake: EmailIntake {
        EmailIntake(
            store: store, parser: InboundMailParserAdapter(),
            storage: FileSystemAttachmentStorage(root: URL(fileURLWithPath: configuration.attachmentsDirectory)),
            policy: AttachmentPolicy(maxBytes: configuration.attachmentMaxBytes), logger: logger)
    }
    /// The mailboxes of all tenants (polling, inbound SMTP recipients).
    public var mailboxes: MailboxPostgresDirectory { MailboxPostgresDirectory(client: postgres, logger: logger) }
    /// Reads one tenant's IMAP mailbox into tickets.
    public var mailboxPoller: MailboxPoller {
        let trust: IMAPConfiguration.CertificateTrust =
            switch configuration.imapCAFile {
            case "": .systemDefault
            case "none": .noVerification
            case let path: .certificateAuthorityFile(path)
            }
        return MailboxPoller(
            store: store, secrets: secretBox,
            reader: IMAPMailboxReader(policy: addressPolicy, certificateTrust: trust, logger: logger),
            intake: emailIntake, logger: logger)
    }
    /// The inbound SMTP endpoint's routing of recipients to mailboxes.
    public var inboundMail: InboundMailRouter {
        InboundMailRouter(directory: mailboxes, intake: emailIntake, logger: logger)
    }
    /// Tenants' public web forms (and the links of asset QR codes).
    public var webForms: WebFormIntake {
        WebFormIntake(
            store: store, tenants: CachedTenantDirectory(tenants), secrets: secretBox,
            storage: FileSystemAttachmentStorage(root: URL(fileURLWithPath: configuration.attachmentsDirectory)),
            policy: AttachmentPolicy(maxBytes: configuration.attachmentMaxBytes))
    }
    /// Signed inbound webhooks into tickets.
    public var webhookIntake: WebhookIntake {
        WebhookIntake(store: store, tenants: CachedTenantDirectory(tenants), secrets: secretBox)
    }
    public var provisioning: TenantProvisioning { TenantProvisioning(tenants: tenants, tokens: tokens, store: store) }
    public var configApplier: TenantConfigApplier {
        TenantConfigApplier(
            tenants: tenants, provisioning: provisioning, administration: tenantAdministration, users: users,
            groups: groups, connectors: connectors, store: store)
    }

    /// Authentication with a decoy hash made at the configured cost, so a login for an unknown
    /// account spends as long as a real one.
    public func authentication() async throws -> Authentication {
        Authentication(
            tenants: CachedTenantDirectory(tenants), credentials: cachedCredentials, store: store, hasher: hasher,
            limiter: limiter,
            policy: .init(
                maxFailures: configuration.loginMaxFailures, window: .seconds(configuration.loginWindowSeconds),
                sessionLifetime: .seconds(configuration.sessionTTLHours * 3600)),
            decoyHash: try await hasher.hash(SecretToken.generate(prefix: "")))
    }

    /// The handlers the worker runs, by job name.
    public var slaTracker: SLATracker { SLATracker(store: store) }
    public var serviceLevels: ServiceLevelCatalog { ServiceLevelCatalog(store: store) }
    public var rules: RuleCatalog { RuleCatalog(store: store) }
    public var notifications: NotificationFeed { NotificationFeed(store: store) }
    public var presence: AgentPresenceDesk { AgentPresenceDesk(store: store) }
    public var router: TicketRouter { TicketRouter(store: store) }
    public var satisfaction: SatisfactionDesk {
        SatisfactionDesk(
            store: store, directory: SatisfactionPostgresDirectory(client: postgres, logger: logger),
            policy: .init(
                delay: .seconds(configuration.csatDelayMinutes * 60),
                lifetime: .seconds(configuration.surveyLifetimeDays * 86400), publicURL: configuration.publicURL))
    }

    /// The customer portal: sign-in links, sessions, "my requests".
    public var portal: CustomerPortal {
        CustomerPortal(
            store: store, tenants: CachedTenantDirectory(tenants), limiter: limiter, attachments: attachments,
            satisfaction: satisfaction,
            policy: .init(
                linkLifetime: .seconds(configuration.portalLinkMinutes * 60),
                sessionLifetime: .seconds(configuration.portalSessionDays * 86400), publicURL: configuration.publicURL))
    }

    public var connectorDeliverer: ConnectorDeliverer {
        ConnectorDeliverer(
            store: store, gateway: connectorGateway, secrets: secretBox, limiter: limiter, queue: queue, logger: logger)
    }
    public var connectors: ConnectorHub {
        ConnectorHub(
            store: store, tenants: CachedTenantDirectory(tenants), secrets: secretBox, deliverer: connectorDeliverer,
            publicURL: configuration.publicURL)
    }

    /// Reads CRM pages and ERP stock through the vendor presets.
    public var businessSystems: any BusinessSystems { VendorBusinessSystems(factory: businessSystemFactory) }
    /// Pulls organizations, customers and contracts from `crm` connectors.
    public var crmSyncer: CRMSyncer {
        CRMSyncer(store: store, secrets: secretBox, systems: businessSystems, logger: logger)
    }

    /// CRM sync status, ERP stock lookups and issue orders.
    public var businessSystemDesk: BusinessSystemDesk {
        BusinessSystemDesk(
            store: store, secrets: secretBox, systems: businessSystems, queue: queue,
            publicURL: configuration.publicURL)
    }

    /// Places the `call_connector` actions of triggers and automations.
    public var ruleConnectorCalls: RuleConnectorCalls {
        RuleConnectorCalls(publicURL: configuration.publicURL)
    }

    public var jobHandlers: [any JobHandler] {
        [
            ProbeJob(store: store),
            EventDispatchJob(
                store: store,
                subscribers: [
                    SLAEventSubscriber(),
                    TriggerRunner(store: store, connectorCalls: ruleConnectorCalls, logger: logger), router,
                    SatisfactionSubscriber(desk: satisfaction), PublicReplyMailer(publicURL: configuration.publicURL),
                    ConnectorFanOut(queue: queue, publicURL: configuration.publicURL),
                ]),
            ConnectorDeliveryJob(deliverer: connectorDeliverer),
            CRMSyncJob(syncer: crmSyncer),
            EmailDeliveryJob(store: store, tenants: CachedTenantDirectory(tenants), sender: emailSender),
            SLARecomputeJob(store: store, tracker: slaTracker),
        ]
    }

    /// The periodic tasks the scheduler's leader runs.
    public var periodicTasks: [any PeriodicTask] {
        [
            OutboxRelayTask(source: outbox, queue: queue),
            HousekeepingTask(credentials: credentials, outbox: outbox, logger: logger),
            QueueMetricsTask(queue: queue),
            SLAFiringTask(
                dueTenants: SLADuePostgresTenants(client: postgres, logger: logger), tracker: slaTracker,
                logger: logger),
            AutomationPass(
                tenants: AutomationPostgresTenants(client: postgres, logger: logger), store: store,
                connectorCalls: ruleConnectorCalls, logger: logger),
            SatisfactionSendingTask(
                directory: SatisfactionPostgresDirectory(client: postgres, logger: logger), desk: satisfaction,
                logger: logger),
            MailboxPollTask(
                directory: mailboxes, poller: mailboxPoller, interval: .seconds(configuration.mailboxPollSeconds),
                logger: logger),
            CRMSyncTask(
                directory: CRMSyncPostgresDirectory(client: postgres, logger: logger), store: store, queue: queue,
                logger: logger),
            SearchIndexFlushTask(
                maintainer: SearchIndexPostgresMaintainer(client: postgres, logger: logger), logger: logger),
            PortalHousekeepingTask(
                purger: PortalAccessPostgresPurger(client: postgres, logger: logger), logger: logger),
        ]
    }

    /// Closes Redis connections and threads (Postgres closes when its service stops).
    public func shutdown() async {
        await redis.shutdown()
    }
}
