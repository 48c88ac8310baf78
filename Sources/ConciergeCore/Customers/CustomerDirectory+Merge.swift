import ConciergeDomain
import Foundation

extension CustomerDirectory {
    /// Merges customer `source` into `target`: the source's tickets (as requester), comments,
    /// assets, emails and phones move to the target, the target keeps its own values where
    /// both have one (name, tier, locale, organization, external ids, attributes), tags are
    /// united, and the source is deleted. One `customer.merged` event records it.
    /// - Throws: `notFound` when either customer does not exist; `invalidInput`
    ///   (`invalid_merge`, field `source_id`) when both are the same.
    public func merge(_ source: CustomerID, into target: CustomerID, actor: Actor, tenant: TenantID) async throws
        -> Customer
    {
        guard source != target else {
            throw AppError(
                .invalidInput, code: "invalid_merge", message: "a customer cannot be merged into itself",
                field: "source_id")
        }
        let mergedAt = now()
        return try await store.transaction(tenant) { tx in
            guard let into = try await tx.customers.find(id: target), let from = try await tx.customers.find(id: source)
            else { throw AppError.notFound("customer") }
            let tickets = try await tx.tickets.reassignRequester(from: source, to: target)
            try await tx.comments.reassignCustomerAuthor(from: source, to: target)
            let assets = try await tx.assets.reassignCustomer(from: source, to: target, at: mergedAt)
            try await tx.customers.moveIdentities(from: source, to: target)
            try await tx.customers.delete(id: source)
            let merged = Self.combining(into, from, at: mergedAt)
            try await tx.customers.update(merged)
            try await tx.events.append(
                Self.event(
                    "customer.merged", subject: "customer", target.description, tenant: tenant, actor: actor,
                    at: mergedAt,
                    data: [
                        "source_id": .string(source.description), "source_name": .string(from.name),
                        "moved_tickets": .number(Double(tickets)), "moved_assets": .number(Double(assets)),
                        "moved_emails": .array(from.emails.filter { !into.emails.contains($0) }.map(JSONValue.string)),
                        "moved_phones": .array(from.phones.filter { !into.phones.contains($0) }.map(JSONValue.string)),
                    ]),
                outbox: [])
            return merged
        }
    }

    /// `target` completed with what only `source` has.
    static func combining(_ target: Customer, _ source: Customer, at date: Date) -> Customer {
        var merged = target
        merged.emails += source.emails.filter { !target.emails.contains($0) }
        merged.phones += source.phones.filter { !target.phones.contains($0) }
        merged.externalIDs.merge(source.externalIDs) { kept, _ in kept }
        merged.attributes.merge(source.attributes) { kept, _ in kept }
        merged.tags = Array(Set(target.tags + source.tags)).sorted()
        merged.locale = target.locale ?? source.locale
        merged.organizationID = target.organizationID ?? source.organizationID
        merged.updatedAt = date
        return merged
    }
}
