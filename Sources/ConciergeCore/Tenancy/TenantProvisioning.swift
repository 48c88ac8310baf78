import ConciergeDomain
import Foundation

/// Creating tenants (platform operators, `concierge tenant create`).
public struct TenantProvisioning: Sendable {
    /// What to create. Defaults follow the product brief: Asia/Shanghai, Chinese interface.
    public struct Request: Sendable {
        public var slug: String
        public var name: String
        public var timeZone: String
        public var locale: Tenant.Locale
        public var plan: String
        public var seatLimit: Int
        public var placement: String

        public init(
            slug: String, name: String, timeZone: String = "Asia/Shanghai", locale: Tenant.Locale = .zhCN,
            plan: String = "standard", seatLimit: Int = 25, placement: String = "shared"
        ) {
            self.slug = slug
            self.name = name
            self.timeZone = timeZone
            self.locale = locale
            self.plan = plan
            self.seatLimit = seatLimit
            self.placement = placement
        }
    }

    /// The tenant and its first admin API token (secret shown once).
    public struct Provisioned: Sendable {
        public var tenant: Tenant
        public var adminToken: APITokenAdministration.Issued
    }

    let tenants: any TenantDirectory
    let tokens: APITokenAdministration
    let store: any TenantStore
    let now: @Sendable () -> Date

    public init(
        tenants: any TenantDirectory, tokens: APITokenAdministration, store: any TenantStore,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.tenants = tenants
        self.tokens = tokens
        self.store = store
        self.now = now
    }

    /// Validates and creates a tenant, then issues its first admin token.
    /// - Throws: `invalidInput` naming the field, `conflict` (`slug_taken`).
    public func create(_ request: Request) async throws -> Provisioned {
        let tenant: Tenant
        do throws(ValidationError) {
            let slug = try TenantSlug(request.slug)
            let name = try Validate.displayName(request.name, field: "name")
            try Validate.timeZone(request.timeZone, field: "time_zone")
            guard request.seatLimit >= 1 else {
                throw ValidationError(field: "seat_limit", code: "out_of_range", message: "must be at least 1")
            }
            _ = try Validate.key(request.plan, field: "plan")
            _ = try Validate.key(request.placement, field: "placement")
            let createdAt = now()
            tenant = Tenant(
                id: TenantID(), slug: slug, name: name, status: .active, plan: request.plan,
                seatLimit: request.seatLimit, timeZone: request.timeZone, locale: request.locale,
                placement: request.placement, createdAt: createdAt, updatedAt: createdAt)
        } catch { throw AppError.invalid(error) }
        try await tenants.create(tenant)
        let actor = Actor.system("provisioning")
        try await store.transaction(tenant.id) { tx in
            try await tx.events.append(
                DomainEvent(
                    tenantID: tenant.id, type: "tenant.created", subjectType: "tenant",
                    subjectID: tenant.id.description,
                    actor: actor, data: ["slug": .string(tenant.slug.rawValue)], occurredAt: tenant.createdAt),
                outbox: [])
        }
        let token = try await tokens.issue(
            name: "bootstrap admin", role: .admin, grantedBy: .owner, actor: actor, tenant: tenant.id)
        return Provisioned(tenant: tenant, adminToken: token)
    }
}
