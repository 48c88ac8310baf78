import ConciergeDomain
import Foundation

extension TicketDesk {
    /// The outcome for one ticket of a bulk update.
    public struct BulkResult: Sendable {
        public var reference: TicketReference
        public var ticket: Ticket?
        public var error: AppError?
    }

    /// The most tickets one bulk request may change.
    public static let bulkLimit = 1000

    /// Applies `change` to each ticket in its own transaction, so one refusal (a closed
    /// ticket, a missing required field) does not undo the others. Results come back in
    /// request order.
    public func bulkUpdate(_ references: [TicketReference], _ change: TicketChange, actor: Actor, tenant: TenantID)
        async throws
        -> [BulkResult]
    {
        guard (1...Self.bulkLimit).contains(references.count) else {
            throw AppError(
                .invalidInput, code: "invalid_field", message: "between 1 and \(Self.bulkLimit) tickets per request",
                field: "ids")
        }
        guard !change.isEmpty else {
            throw AppError(.invalidInput, code: "missing_field", message: "nothing to change", field: "ticket")
        }
        var results: [BulkResult] = []
        results.reserveCapacity(references.count)
        for reference in references {
            do {
                let ticket = try await update(reference, change, expectedVersion: nil, actor: actor, tenant: tenant)
                results.append(BulkResult(reference: reference, ticket: ticket, error: nil))
            } catch let error as AppError {
                results.append(BulkResult(reference: reference, ticket: nil, error: error))
            }
        }
        return results
    }
}
