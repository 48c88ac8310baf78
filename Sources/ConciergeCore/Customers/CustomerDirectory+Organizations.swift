import ConciergeDomain
import Foundation

extension CustomerDirectory {
    /// Creates an organization; customers without one whose email is at one of its domains join it.
    /// - Throws: `invalidInput` naming the field; `conflict` (`domain_taken`, naming
    ///   `domains[i]`) when another organization owns a domain.
    public func createOrganization(_ draft: OrganizationDraft, actor: Actor, tenant: TenantID) async throws
        -> Organization
    {
        let createdAt = now()
        let blank = Organization(
            id: OrganizationID(), tenantID: tenant, name: "", createdAt: createdAt, updatedAt: createdAt)
        let organization = try Self.validate(draft.applied(to: blank))
        return try await store.transaction(tenant) { tx in
            try await Self.checkDomains(of: organization, in: tx)
            try await tx.organizations.insert(organization)
            let joined = try await tx.customers.associate(
                domains: organization.domains, with: organization.id, at: createdAt)
            try await tx.events.append(
                Self.event(
                    "organization.created", subject: "organization", organization.id.description, tenant: tenant,
                    actor: actor, at: createdAt,
                    data: [
                        "name": .string(organization.name),
                        "domains": .array(organization.domains.map(JSONValue.string)),
                        "associated_customers": .number(Double(joined)),
                    ]),
                outbox: [])
            return organization
        }
    }

    /// The organization with this id. - Throws: `notFound`.
    public func organization(_ id: OrganizationID, tenant: TenantID) async throws -> Organization {
        guard let organization = try await store.transaction(tenant, { try await $0.organizations.find(id: id) }) else {
            throw AppError.notFound("organization")
        }
        return organization
    }

    /// A page of organizations ordered by name (pinyin).
    public func organizations(_ query: OrganizationQuery, tenant: TenantID) async throws -> ListPage<Organization> {
        try Self.checkLimit(query.limit)
        return try await store.transaction(tenant) { try await $0.organizations.list(query) }
    }

    /// Changes an organization; customers without one at a newly added domain join it.
    /// - Throws: as ``createOrganization(_:actor:tenant:)``, and `notFound`.
    public func updateOrganization(_ id: OrganizationID, _ draft: OrganizationDraft, actor: Actor, tenant: TenantID)
        async throws -> Organization
    {
        let changedAt = now()
        return try await store.transaction(tenant) { tx in
            guard let before = try await tx.organizations.find(id: id) else { throw AppError.notFound("organization") }
            var after = try Self.validate(draft.applied(to: before))
            guard after != before else { return before }
            after.updatedAt = changedAt
            try await Self.checkDomains(of: after, in: tx)
            try await tx.organizations.update(after)
            let added = after.domains.filter { !before.domains.contains($0) }
            let joined = try await tx.customers.associate(domains: added, with: id, at: changedAt)
            try await tx.events.append(
                Self.event(
                    "organization.updated", subject: "organization", id.description, tenant: tenant, actor: actor,
                    at: changedAt,
                    data: [
                        "domains": .array(after.domains.map(JSONValue.string)),
                        "associated_customers": .number(Double(joined)),
                    ]),
                outbox: [])
            return after
        }
    }

    /// Deletes an organization; its customers, tickets and assets remain, without one.
    public func deleteOrganization(_ id: OrganizationID, actor: Actor, tenant: TenantID) async throws {
        let deletedAt = now()
        try await store.transaction(tenant) { tx in
            guard let organization = try await tx.organizations.find(id: id), try await tx.organizations.delete(id: id)
            else { throw AppError.notFound("organization") }
            try await tx.events.append(
                Self.event(
                    "organization.deleted", subject: "organization", id.description, tenant: tenant, actor: actor,
                    at: deletedAt, data: ["name": .string(organization.name)]),
                outbox: [])
        }
    }

    static func validate(_ organization: Organization) throws -> Organization {
        do throws(ValidationError) { return try organization.validated() } catch { throw AppError.invalid(error) }
    }

    /// Refuses a domain another organization owns, naming it.
    static func checkDomains(of organization: Organization, in tx: any TenantTransaction) async throws {
        for (index, domain) in organization.domains.enumerated() {
            if let owner = try await tx.customers.organization(forDomain: domain), owner != organization.id {
                throw AppError(
                    .conflict, code: "domain_taken",
                    message: "domains[\(index)] \(domain) belongs to organization \(owner)",
                    field: "domains[\(index)]")
            }
        }
    }
}
