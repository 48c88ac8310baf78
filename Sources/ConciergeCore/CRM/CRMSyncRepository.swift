import ConciergeDomain
import Foundation

/// Where a `crm` connector's sync of one kind stands.
public struct CRMSyncState: Sendable, Equatable {
    /// `organizations`, `customers` or `contracts`.
    public var kind: String
    /// The change time the next run asks from (`nil`: everything).
    public var updatedSince: Date?
    /// The page a run in progress continues from (`nil`: no run in progress).
    public var pageCursor: String?
    /// The latest change time the run in progress has seen; becomes ``updatedSince`` when it ends.
    public var runHighWater: Date?
    public var runStartedAt: Date?
    public var lastSuccessAt: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    /// Records written by every run so far.
    public var recordsSynced: Int64

    public init(
        kind: String, updatedSince: Date? = nil, pageCursor: String? = nil, runHighWater: Date? = nil,
        runStartedAt: Date? = nil, lastSuccessAt: Date? = nil, lastError: String? = nil, lastErrorAt: Date? = nil,
        recordsSynced: Int64 = 0
    ) {
        self.kind = kind
        self.updatedSince = updatedSince
        self.pageCursor = pageCursor
        self.runHighWater = runHighWater
        self.runStartedAt = runStartedAt
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.recordsSynced = recordsSynced
    }
}

/// The sync state of `crm` connectors and the contracts they pull.
public protocol CRMSyncRepository: Sendable {
    /// The state of each kind `connector` has synced.
    func states(of connector: ConnectorID) async throws -> [CRMSyncState]
    func save(_ state: CRMSyncState, of connector: ConnectorID) async throws
    /// When `connector` is next due (`ranAt`: when a run ended, `nil` to only move the time).
    func schedule(_ connector: ConnectorID, next: Date, ranAt: Date?) async throws
    /// When `connector` is next due, if it was ever scheduled.
    func nextRun(of connector: ConnectorID) async throws -> Date?
    /// The contract `connector` pulled with this id.
    func contract(externalID: String, connector: ConnectorID) async throws -> Contract?
    /// Inserts or replaces the contract with the same connector and external id.
    func save(_ contract: Contract) async throws
    /// The contracts of a customer or its organization, latest ending first.
    func contracts(customer: CustomerID?, organization: OrganizationID?, limit: Int) async throws -> [Contract]
}
