import ConciergeDomain
import Foundation

/// Customer organizations of the transaction's tenant, with the email domains they own.
public protocol OrganizationRepository: Sendable {
    /// Inserts `organization` and claims its domains.
    /// - Throws: `conflict` (`domain_taken`) when another organization owns one of them.
    func insert(_ organization: Organization) async throws
    /// The organization with this id, `nil` when the tenant has none.
    func find(id: OrganizationID) async throws -> Organization?
    /// The organization whose id in the external system `system` (a connector key) is `externalID`.
    func find(externalID: String, system: String) async throws -> Organization?
    /// A page ordered by name (pinyin) and id.
    func list(_ query: OrganizationQuery) async throws -> ListPage<Organization>
    /// Saves `organization`, replacing its domains.
    /// - Throws: `conflict` (`domain_taken`) when another organization owns one of them.
    func update(_ organization: Organization) async throws
    /// Deletes the organization; its customers, tickets and assets keep existing without one.
    /// - Returns: whether it existed.
    func delete(id: OrganizationID) async throws -> Bool
}
