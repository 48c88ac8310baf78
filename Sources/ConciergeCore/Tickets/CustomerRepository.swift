import ConciergeDomain
import Foundation

/// Customers of the transaction's tenant, with identity matching.
public protocol CustomerRepository: Sendable {
    func insert(_ customer: Customer) async throws
    func find(id: CustomerID) async throws -> Customer?
    /// The customers among `ids` (missing ones are left out).
    func find(ids: [CustomerID]) async throws -> [Customer]
    /// The customer whose id in the external system `system` (a connector key) is `externalID`.
    func find(externalID: String, system: String) async throws -> Customer?
    /// The customer who owns this email or phone identity.
    func find(identity kind: CustomerIdentityKind, value: String) async throws -> Customer?
    /// Claims an identity for `customer`. - Returns: the id of the customer who owns it now
    /// (another one when it was already taken).
    func claim(identity kind: CustomerIdentityKind, value: String, for customer: CustomerID) async throws -> CustomerID
    func update(_ customer: Customer) async throws
    func delete(id: CustomerID) async throws
    /// The organization that owns `domain` for auto-association.
    func organization(forDomain domain: String) async throws -> OrganizationID?
    /// A page ordered by name in pinyin order, then id, matching `query`.
    func list(_ query: CustomerQuery) async throws -> ListPage<Customer>
    /// Gives up an identity `customer` owns; one owned by someone else is left alone.
    func release(identity kind: CustomerIdentityKind, value: String, from customer: CustomerID) async throws
    /// Moves every identity of `source` to `target` (merging customers).
    func moveIdentities(from source: CustomerID, to target: CustomerID) async throws
    /// Joins customers without an organization that have an email at one of `domains` to
    /// `organization`. - Returns: how many joined.
    func associate(domains: [String], with organization: OrganizationID, at date: Date) async throws -> Int
}
