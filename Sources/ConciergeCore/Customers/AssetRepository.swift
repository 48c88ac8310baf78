import ConciergeDomain
import Foundation

/// Assets and devices of the transaction's tenant.
public protocol AssetRepository: Sendable {
    /// - Throws: `conflict` (`serial_number_taken`) when the serial number is in use.
    func insert(_ asset: Asset) async throws
    /// The asset with this id, `nil` when the tenant has none.
    func find(id: AssetID) async throws -> Asset?
    /// The asset with exactly this serial number.
    func find(serialNumber: String) async throws -> Asset?
    /// A page ordered by serial number.
    func list(_ query: AssetQuery) async throws -> ListPage<Asset>
    /// - Throws: `conflict` (`serial_number_taken`) when the serial number is in use.
    func update(_ asset: Asset) async throws
    /// Deletes the asset; tickets about it keep existing without one.
    /// - Returns: whether it existed.
    func delete(id: AssetID) async throws -> Bool
    /// Gives every asset of `source` to `target` (merging customers). - Returns: how many moved.
    func reassignCustomer(from source: CustomerID, to target: CustomerID, at date: Date) async throws -> Int
    /// The customer's assets, and the assets of `organization` that no customer is named on,
    /// ordered by serial number.
    func related(to customer: CustomerID, organization: OrganizationID?, limit: Int) async throws -> [Asset]
}
