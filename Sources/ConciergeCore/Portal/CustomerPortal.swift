import ConciergeDomain
import Foundation

/// The customer portal of a tenant (`/portal/{tenant}`): customers sign in with a link emailed
/// to them, list and follow their requests, reply with files, mark a request solved and rate
/// it.
///
/// What a customer sees of a request is decided here, never in the pages: only their own
/// requests (as requester; internal work tickets spawned from them are not requests), only
/// public comments, only the files of the request and of public comments, only custom fields
/// marked customer-visible. Anything else is "not found", exactly like a request that does not
/// exist, so a customer cannot learn that another's request number is taken.
///
/// Sign-in links and sessions are random secrets of which only the SHA-256 digest is stored; a
/// link works once, for ``Policy/linkLifetime``; asking for one answers the same whether or not
/// the address belongs to a customer, and is rate-limited per address and per client.
public struct CustomerPortal: Sendable {
    /// Sign-in link secrets start with this.
    public static let linkPrefix = "cpl_"
    /// Session secrets (the portal cookie) start with this.
    public static let sessionPrefix = "cps_"
    /// Requests per page of "my requests".
    public static let pageSize = 20
    /// Files per reply.
    public static let filesPerReply = 5
    /// Comments a request page shows (oldest first).
    static let commentLimit = 500
    /// A session's last use is recorded at most this often.
    static let touchInterval: TimeInterval = 60
    /// The intakes whose files arrive with the request itself (no comment): the customer's own.
    static let requestFileActors: Set<String> = ["system:web-form", "system:email", "system:webhook"]

    /// Lifetimes and limits.
    public struct Policy: Sendable {
        public var linkLifetime: Duration
        public var sessionLifetime: Duration
        /// The base URL links point at (`CONCIERGE_PUBLIC_URL`).
        public var publicURL: String
        /// Links asked for one address, per hour.
        public var linksPerAddressPerHour: Int
        /// Links asked from one client address, per hour.
        public var linksPerClientPerHour: Int

        public init(
            linkLifetime: Duration = .seconds(15 * 60), sessionLifetime: Duration = .seconds(7 * 86400),
            publicURL: String, linksPerAddressPerHour: Int = 5, linksPerClientPerHour: Int = 30
        ) {
            self.linkLifetime = linkLifetime
            self.sessionLifetime = sessionLifetime
            self.publicURL = publicURL
            self.linksPerAddressPerHour = linksPerAddressPerHour
            self.linksPerClientPerHour = linksPerClientPerHour
        }
    }

    let store: any TenantStore
    let tenants: any TenantDirectory
    let limiter: any RateLimiter
    let attachments: TicketAttachments
    let satisfaction: SatisfactionDesk
    let policy: Policy
    let desk: TicketDesk
    let conversation: TicketConversation
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, tenants: any TenantDirectory, limiter: any RateLimiter, attachments: TicketAttachments,
        satisfaction: SatisfactionDesk, policy: Policy, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.tenants = tenants
        self.limiter = limiter
        self.attachments = attachments
        self.satisfaction = satisfaction
        self.policy = policy
        self.desk = TicketDesk(store: store, now: now)
        self.conversation = TicketConversation(store: store, now: now)
        self.now = now
    }

    /// What the history records a customer's portal actions as.
    public static func actor(for customer: CustomerID) -> Actor { .system("customer:\(customer)") }

    /// The link lifetime in whole minutes (what the email promises).
    public var linkMinutes: Int { max(1, Int(policy.linkLifetime.components.seconds / 60)) }

    // MARK: The tenant

    /// The active tenant with this slug. - Throws: `notFound` (unknown or suspended alike).
    public func tenant(slug: String) async throws -> Tenant {
        guard let slug = try? TenantSlug(slug.lowercased()), let tenant = try await tenants.find(slug: slug),
            tenant.status == .active
        else { throw AppError.notFound("portal") }
        return tenant
    }

    /// The home page's content: the tenant's enabled web forms and mailboxes.
    public func site(_ tenant: Tenant) async throws -> PortalSite {
        let connectors = try await store.transaction(tenant.id) { tx in try await tx.connectors.list() }
        let enabled = connectors.map(\.connector).filter(\.enabled).sorted { $0.key < $1.key }
        let forms = enabled.filter { $0.kind == .webForm }.map { connector in
            PortalForm(
                key: connector.key, name: connector.name, title: connector.settings["title"]?.stringValue,
                intro: connector.settings["intro"]?.stringValue)
        }
        return PortalSite(tenant: tenant, forms: forms, mailboxes: enabled.compactMap { MailboxSettings($0)?.address })
    }

    static func plausible(_ secret: String, prefix: String) -> Bool {
        secret.hasPrefix(prefix) && secret.count < 200
    }

    static func seconds(_ duration: Duration) -> TimeInterval { TimeInterval(duration.components.seconds) }
}
