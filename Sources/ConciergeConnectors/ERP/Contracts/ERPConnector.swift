/// An ERP that Concierge asks about spare-part stock and tells about parts leaving stock for
/// service tickets.
///
/// Implementations never throw: failures are classified into ``IntegrationFailure``.
public protocol ERPConnector: Sendable {
    /// The stock of `partNumbers`, in `warehouse` or (when `nil`) in every warehouse.
    func lookupInventory(partNumbers: [String], warehouse: String?) async -> InventoryResult

    /// Creates the issue document for `order`, or finds the one an earlier attempt with the same
    /// ``IssueOrderRequest/idempotencyKey`` created.
    func createIssueOrder(_ order: IssueOrderRequest) async -> IssueOrderResult
}
