import ConciergeDomain
import Foundation

/// Identity matching on intake: the same email or phone is the same customer, across
/// channels. A new contact becomes a customer, joined to the organization that owns its
/// email domain.
struct RequesterResolution {
    let tx: any TenantTransaction
    let now: Date

    func resolve(_ requester: NewTicket.Requester) async throws -> Customer {
        switch requester {
        case .customer(let id):
            guard let customer = try await tx.customers.find(id: id) else {
                throw AppError(
                    .invalidInput, code: "unknown_requester", message: "requester_id names no customer",
                    field: "requester_id")
            }
            return customer
        case .contact(let rawEmail, let rawPhone, let rawName):
            let email: String?
            let phone: String?
            let name: String?
            do throws(ValidationError) {
                email = try rawEmail.map { raw throws(ValidationError) in
                    try Validate.email(raw, field: "requester.email")
                }
                phone = try rawPhone.map { raw throws(ValidationError) in
                    try Customer.normalizedPhone(raw, field: "requester.phone")
                }
                name = try rawName.map { raw throws(ValidationError) in
                    try Validate.displayName(raw, field: "requester.name")
                }
            } catch { throw AppError.invalid(error) }
            guard email != nil || phone != nil else {
                throw AppError(
                    .invalidInput, code: "required", message: "requester needs an email or a phone",
                    field: "requester.email")
            }
            if let email, let found = try await tx.customers.find(identity: .email, value: email) { return found }
            if let phone, let found = try await tx.customers.find(identity: .phone, value: phone) { return found }
            return try await create(email: email, phone: phone, name: name)
        }
    }

    private func create(email: String?, phone: String?, name: String?) async throws -> Customer {
        let organization =
            try await email.flatMap(Customer.domain(ofEmail:)).asyncMap {
                try await tx.customers.organization(forDomain: $0)
            } ?? nil
        let customer = Customer(
            id: CustomerID(), tenantID: tx.tenantID,
            name: name ?? email.map { String($0.split(separator: "@")[0]) } ?? phone ?? "",
            emails: email.map { [$0] } ?? [], phones: phone.map { [$0] } ?? [], organizationID: organization,
            createdAt: now, updatedAt: now)
        try await tx.customers.insert(customer)
        // A concurrent intake may have claimed the identity first: then that customer wins.
        for (kind, value) in [(CustomerIdentityKind.email, email), (.phone, phone)] {
            guard let value else { continue }
            let owner = try await tx.customers.claim(identity: kind, value: value, for: customer.id)
            if owner != customer.id {
                try await tx.customers.delete(id: customer.id)
                guard let existing = try await tx.customers.find(id: owner) else { throw AppError.notFound("customer") }
                return existing
            }
        }
        return customer
    }
}
