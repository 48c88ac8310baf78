import ConciergeDomain

/// Claims and releases a customer's email and phone identities, answering a clear conflict
/// naming the field when another customer owns one.
struct IdentityClaims {
    let tx: any TenantTransaction
    let customer: CustomerID

    /// Claims every email and phone for the customer (those it owns already are kept).
    /// - Throws: `conflict` (`identity_taken`) naming `emails[i]` or `phones[i]`.
    func claim(emails: [String], phones: [String]) async throws {
        for (kind, values, field) in [(CustomerIdentityKind.email, emails, "emails"), (.phone, phones, "phones")] {
            for (index, value) in values.enumerated() {
                let owner = try await tx.customers.claim(identity: kind, value: value, for: customer)
                guard owner == customer else {
                    throw AppError(
                        .conflict, code: "identity_taken",
                        message:
                            "\(field)[\(index)] \(value) belongs to customer \(owner); merge the customers instead",
                        field: "\(field)[\(index)]")
                }
            }
        }
    }

    /// Releases identities the customer no longer lists.
    func release(emails: [String], phones: [String]) async throws {
        for email in emails { try await tx.customers.release(identity: .email, value: email, from: customer) }
        for phone in phones { try await tx.customers.release(identity: .phone, value: phone, from: customer) }
    }
}
