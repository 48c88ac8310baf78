import ConciergeDomain
import Foundation

/// The customer directory: end customers with their identities, the organizations they belong
/// to, and the assets tickets are about. Every change commits together with its event, so the
/// audit log shows who changed which record.
///
/// Customers are recognised by email and phone: each address or number belongs to one
/// customer of the tenant, and a customer created without an organization joins the one that
/// owns its email domain.
public struct CustomerDirectory: Sendable {
    let store: any TenantStore
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.now = now
    }

    /// Creates a customer and claims its emails and phones.
    /// - Throws: `invalidInput` naming the field; `conflict` (`identity_taken`, naming
    ///   `emails[i]` or `phones[i]`) when another customer owns one of them.
    public func create(_ draft: CustomerDraft, actor: Actor, tenant: TenantID) async throws -> Customer {
        let createdAt = now()
        let blank = Customer(
            id: CustomerID(), tenantID: tenant, name: draft.name ?? "", emails: [], createdAt: createdAt,
            updatedAt: createdAt)
        let proposed = try Self.validate(draft.applied(to: blank))
        return try await store.transaction(tenant) { tx in
            var customer = proposed
            try await Self.checkOrganization(customer.organizationID, in: tx)
            if draft.organizationID == nil {
                customer.organizationID = try await Self.organization(byDomainOf: customer.emails, in: tx)
            }
            try await tx.customers.insert(customer)
            try await IdentityClaims(tx: tx, customer: customer.id).claim(
                emails: customer.emails, phones: customer.phones)
            try await tx.events.append(
                Self.event(
                    "customer.created", subject: "customer", customer.id.description, tenant: tenant, actor: actor,
                    at: createdAt, data: ["name": .string(customer.name)]),
                outbox: [])
            return customer
        }
    }

    /// The customer with this id. - Throws: `notFound`.
    public func get(_ id: CustomerID, tenant: TenantID) async throws -> Customer {
        guard let customer = try await store.transaction(tenant, { try await $0.customers.find(id: id) }) else {
            throw AppError.notFound("customer")
        }
        return customer
    }

    /// A page of customers ordered by name (pinyin), optionally matching `query.text`.
    public func list(_ query: CustomerQuery, tenant: TenantID) async throws -> ListPage<Customer> {
        try Self.checkLimit(query.limit)
        return try await store.transaction(tenant) { try await $0.customers.list(query) }
    }

    /// Changes a customer. Emails and phones added are claimed, those removed are released;
    /// a customer still without an organization joins the one owning a new email's domain.
    /// - Throws: `invalidInput` naming the field; `conflict` (`identity_taken`) as for create.
    public func update(_ id: CustomerID, _ draft: CustomerDraft, actor: Actor, tenant: TenantID) async throws
        -> Customer
    {
        let changedAt = now()
        return try await store.transaction(tenant) { tx in
            guard let before = try await tx.customers.find(id: id) else { throw AppError.notFound("customer") }
            var after = try Self.validate(draft.applied(to: before))
            if after.organizationID != before.organizationID {
                try await Self.checkOrganization(after.organizationID, in: tx)
            }
            if draft.organizationID == nil, after.organizationID == nil, after.emails != before.emails {
                after.organizationID = try await Self.organization(byDomainOf: after.emails, in: tx)
            }
            guard after != before else { return before }
            after.updatedAt = changedAt
            try await tx.customers.update(after)
            let claims = IdentityClaims(tx: tx, customer: id)
            try await claims.release(
                emails: before.emails.filter { !after.emails.contains($0) },
                phones: before.phones.filter { !after.phones.contains($0) })
            try await claims.claim(emails: after.emails, phones: after.phones)
            try await tx.events.append(
                Self.event(
                    "customer.updated", subject: "customer", id.description, tenant: tenant, actor: actor,
                    at: changedAt, data: ["changes": .array(Self.changedFields(before, after).map(JSONValue.string))]),
                outbox: [])
            return after
        }
    }

    static func validate(_ customer: Customer) throws -> Customer {
        do throws(ValidationError) { return try customer.validated() } catch { throw AppError.invalid(error) }
    }

    static func checkOrganization(_ id: OrganizationID?, in tx: any TenantTransaction) async throws {
        guard let id else { return }
        guard try await tx.organizations.find(id: id) != nil else {
            throw AppError(
                .invalidInput, code: "unknown_organization", message: "organization_id names no organization",
                field: "organization_id")
        }
    }

    /// The organization owning the domain of the first email that has one.
    static func organization(byDomainOf emails: [String], in tx: any TenantTransaction) async throws -> OrganizationID?
    {
        for domain in emails.compactMap(Customer.domain(ofEmail:)) {
            if let organization = try await tx.customers.organization(forDomain: domain) { return organization }
        }
        return nil
    }

    static func changedFields(_ before: Customer, _ after: Customer) -> [String] {
        var fields: [String] = []
        if before.name != after.name { fields.append("name") }
        if before.emails != after.emails { fields.append("emails") }
        if before.phones != after.phones { fields.append("phones") }
        if before.externalIDs != after.externalIDs { fields.append("external_ids") }
        if before.tier != after.tier { fields.append("tier") }
        if before.tags != after.tags { fields.append("tags") }
        if before.locale != after.locale { fields.append("locale") }
        if before.organizationID != after.organizationID { fields.append("organization_id") }
        if before.attributes != after.attributes { fields.append("attributes") }
        return fields
    }

    static func checkLimit(_ limit: Int) throws {
        guard (1...200).contains(limit) else {
            throw AppError(.invalidInput, code: "invalid_parameter", message: "limit must be 1-200", field: "limit")
        }
    }

    static func event(
        _ type: String, subject: String, _ subjectID: String, tenant: TenantID, actor: Actor, at date: Date,
        data: [String: JSONValue]
    ) -> DomainEvent {
        DomainEvent(
            tenantID: tenant, type: type, subjectType: subject, subjectID: subjectID, actor: actor, data: data,
            occurredAt: date)
    }
}
