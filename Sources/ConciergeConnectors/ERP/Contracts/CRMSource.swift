import Foundation

/// A CRM (or the customer master of an ERP) that Concierge syncs customers, organizations and
/// contracts from, and pushes ticket summaries to.
///
/// Implementations never throw: every failure is classified into an ``IntegrationFailure`` or a
/// ``ConnectorDeliveryOutcome`` so the sync scheduler knows whether to retry and when.
public protocol CRMSource: Sendable {
    /// One page of `kind` changed at or after `updatedSince` (all records when `nil`), starting at
    /// `cursor` (the first page when `nil`), oldest change first.
    func fetchPage(kind: CRMRecordKind, updatedSince: Date?, cursor: String?, pageSize: Int) async -> CRMPageResult

    /// Creates or updates the vendor object that mirrors a ticket (Case, ticket, note, …).
    func pushTicketSummary(_ summary: TicketSummaryPayload) async -> ConnectorDeliveryOutcome
}
