import ConciergeDomain
import Foundation

/// Writes one synced CRM record into the directory, inside the page's transaction.
///
/// Records are matched by the id the CRM gave them, kept in `external_ids` under the
/// connector's key. A customer not yet linked is also recognised by an email or phone it
/// already owns here (the same address is the same customer), and then linked. The CRM owns the
/// fields it sends (name, tier, its organization link); emails and phones are only ever added —
/// an address another customer owns stays theirs. Writing nothing when nothing changed keeps
/// repeated syncs free of events.
struct CRMRecordApplier {
    /// What applying a record came to.
    enum Outcome: Equatable {
        case created
        case updated
        case unchanged
        /// The record cannot become a valid entry (no name, …): logged and stepped over.
        case skipped(String)
    }

    let tx: any TenantTransaction
    let connector: Connector
    let at: Date

    private var system: String { connector.externalIDSystem }
    private var actor: Actor { .system("crm:\(connector.key)") }

    func apply(_ record: CRMSyncRecord, kind: String) async throws -> Outcome {
        switch kind {
        case "organizations": try await organization(record)
        case "customers": try await customer(record)
        case "contracts": try await contract(record)
        default: .skipped("unknown kind \(kind)")
        }
    }

    private func organization(_ record: CRMSyncRecord) async throws -> Outcome {
        let existing = try await tx.organizations.find(externalID: record.externalID, system: system)
        var organization =
            existing
            ?? Organization(id: OrganizationID(), tenantID: tx.tenantID, name: "", createdAt: at, updatedAt: at)
        guard let name = text(record, "name") ?? text(record, "short_name") else {
            return .skipped("organization \(record.externalID) has no name")
        }
        organization.name = name
        organization.externalIDs[system] = record.externalID
        if let tier = text(record, "tier")?.lowercased() { organization.tier = tier }
        if let domain = text(record, "domain")?.lowercased(), !organization.domains.contains(domain),
            try await tx.customers.organization(forDomain: domain) == nil
        {
            organization.domains.append(domain)
        }
        do throws(ValidationError) {
            organization = try organization.validated()
        } catch {
            return .skipped("organization \(record.externalID): \(error.field) \(error.message)")
        }
        guard organization != existing else { return .unchanged }
        organization.updatedAt = at
        if existing == nil {
            try await tx.organizations.insert(organization)
            _ = try await tx.customers.associate(domains: organization.domains, with: organization.id, at: at)
        } else {
            try await tx.organizations.update(organization)
        }
        try await recordEvent(
            existing == nil ? "organization.created" : "organization.updated", subject: "organization",
            organization.id.description, name: organization.name)
        return existing == nil ? .created : .updated
    }

    private func customer(_ record: CRMSyncRecord) async throws -> Outcome {
        let email = text(record, "email")?.lowercased()
        let phone = try? text(record, "phone").map { phone throws(ValidationError) in
            try Customer.normalizedPhone(phone)
        }
        var existing = try await tx.customers.find(externalID: record.externalID, system: system)
        if existing == nil, let email { existing = try await tx.customers.find(identity: .email, value: email) }
        if existing == nil, let phone { existing = try await tx.customers.find(identity: .phone, value: phone) }
        var customer =
            existing
            ?? Customer(id: CustomerID(), tenantID: tx.tenantID, name: "", emails: [], createdAt: at, updatedAt: at)
        let fullName = [text(record, "first_name"), text(record, "last_name")].compactMap { $0 }.joined(separator: " ")
        guard let name = text(record, "name") ?? (fullName.isEmpty ? nil : fullName) ?? email ?? phone else {
            return .skipped("customer \(record.externalID) has no name, email or phone")
        }
        customer.name = name
        customer.externalIDs[system] = record.externalID
        if let tier = text(record, "tier")?.lowercased() { customer.tier = tier }
        var newEmails: [String] = []
        if let email, !customer.emails.contains(email),
            try await tx.customers.find(identity: .email, value: email) == nil
        {
            newEmails.append(email)
        }
        var newPhones: [String] = []
        if let phone, !customer.phones.contains(phone),
            try await tx.customers.find(identity: .phone, value: phone) == nil
        {
            newPhones.append(phone)
        }
        customer.emails += newEmails
        customer.phones += newPhones
        if let organizationID = text(record, "organization_external_id"),
            let organization = try await tx.organizations.find(externalID: organizationID, system: system)
        {
            customer.organizationID = organization.id
        } else if customer.organizationID == nil {
            customer.organizationID = try await CustomerDirectory.organization(byDomainOf: customer.emails, in: tx)
        }
        do throws(ValidationError) {
            customer = try customer.validated()
        } catch {
            return .skipped("customer \(record.externalID): \(error.field) \(error.message)")
        }
        guard customer != existing else { return .unchanged }
        customer.updatedAt = at
        if existing == nil { try await tx.customers.insert(customer) } else { try await tx.customers.update(customer) }
        try await IdentityClaims(tx: tx, customer: customer.id).claim(emails: newEmails, phones: newPhones)
        try await recordEvent(
            existing == nil ? "customer.created" : "customer.updated", subject: "customer", customer.id.description,
            name: customer.name)
        return existing == nil ? .created : .updated
    }

    private func contract(_ record: CRMSyncRecord) async throws -> Outcome {
        let existing = try await tx.crmSync.contract(externalID: record.externalID, connector: connector.id)
        var contract =
            existing
            ?? Contract(
                tenantID: tx.tenantID, connectorID: connector.id, externalID: record.externalID, number: "",
                createdAt: at, updatedAt: at)
        contract.number = String((text(record, "number") ?? text(record, "name") ?? record.externalID).prefix(200))
        contract.name = text(record, "name").map { String($0.prefix(500)) }
        contract.status = text(record, "status").map { String($0.prefix(100)) }
        contract.startsAt = date(record, "starts_at")
        contract.endsAt = date(record, "ends_at")
        contract.organizationID =
            try await text(record, "organization_external_id").asyncMap {
                try await tx.organizations.find(externalID: $0, system: system)?.id
            } ?? nil
        contract.customerID =
            try await text(record, "customer_external_id").asyncMap {
                try await tx.customers.find(externalID: $0, system: system)?.id
            } ?? nil
        let known: Set<String> = [
            "number", "name", "status", "starts_at", "ends_at", "organization_external_id", "customer_external_id",
        ]
        contract.attributes = record.fields.filter { !known.contains($0.key) && $0.value != .null }
        contract.externalUpdatedAt = record.updatedAt
        guard contract != existing else { return .unchanged }
        contract.updatedAt = at
        try await tx.crmSync.save(contract)
        return existing == nil ? .created : .updated
    }

    private func recordEvent(_ type: String, subject: String, _ id: String, name: String) async throws {
        try await tx.events.append(
            CustomerDirectory.event(
                type, subject: subject, id, tenant: tx.tenantID, actor: actor, at: at,
                data: ["name": .string(name), "source": .string("crm:\(connector.key)")]),
            outbox: [])
    }

    /// A non-empty text field (numbers as text, as ids often are).
    private func text(_ record: CRMSyncRecord, _ key: String) -> String? {
        switch record.fields[key] {
        case .string(let value)?:
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case .number(let value)?:
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        default: return nil
        }
    }

    private func date(_ record: CRMSyncRecord, _ key: String) -> Date? {
        text(record, key).flatMap { try? Date($0, strategy: .iso8601) }
    }
}
