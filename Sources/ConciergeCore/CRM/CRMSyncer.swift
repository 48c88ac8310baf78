import ConciergeDomain
import Foundation
import Logging

/// Pulls what changed in a `crm` connector's system since its last run: organizations first,
/// then customers, then contracts (each kind the connector's `sync` setting chooses).
///
/// Incremental and resumable. A run asks for records changed at or after the last run's
/// latest change time, page by page; each page's records and the cursor after it commit
/// together, so a crash repeats at most one page, and the next run continues from the stored
/// cursor with the same `updatedSince` (the vendors' cursors stay valid for it). Only when the
/// last page is in does the change time move on. Applying a record twice changes nothing.
///
/// A retryable failure (throttling, outage) stops the run where it is, to go on at the next
/// one; a permanent one (bad credentials, a kind the preset doesn't map) is recorded on that
/// kind and the other kinds still run. Either shows in `GET /api/v1/connectors/{key}/sync`.
public struct CRMSyncer: Sendable {
    /// Pages one run reads per kind at most; a longer backlog continues at the next run.
    static let maxPagesPerRun = 200
    static let defaultPageSize = 100
    static let defaultIntervalMinutes = 15

    let store: any TenantStore
    let secrets: SecretBox
    let systems: any BusinessSystems
    let logger: Logger
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, secrets: SecretBox, systems: any BusinessSystems, logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.secrets = secrets
        self.systems = systems
        self.logger = logger
        self.now = now
    }

    /// Runs one sync of `connectorID`, then schedules the next after its interval.
    /// - Returns: the state of each kind afterwards.
    /// - Throws: `notFound` when it is not an enabled `crm` connector; database errors (the
    ///   job is retried and continues from the stored cursors).
    @discardableResult
    public func sync(_ connectorID: ConnectorID, tenant: TenantID) async throws -> [CRMSyncState] {
        let (connector, endpoint, stored) = try await store.transaction(tenant) { tx in
            guard let found = try await tx.connectors.find(id: connectorID), found.connector.kind == .crm,
                found.connector.enabled
            else { throw AppError.notFound("crm connector") }
            let opened =
                try found.sealedSecrets.map { try secrets.open($0, tenant: tenant, connector: connectorID) } ?? [:]
            let endpoint = ConnectorEndpoint(
                connectorID: connectorID, kind: .crm, settings: found.connector.settings, secrets: opened)
            return (found.connector, endpoint, try await tx.crmSync.states(of: connectorID))
        }
        let pageSize = connector.settings["page_size"]?.wholeNumber ?? Self.defaultPageSize
        var results: [CRMSyncState] = []
        var vendorDown = false
        for kind in CRMSyncKinds.chosen(connector.settings) {
            var state = stored.first { $0.kind == kind } ?? CRMSyncState(kind: kind)
            if !vendorDown {
                (state, vendorDown) = try await run(kind, from: state, connector, endpoint, pageSize: pageSize)
            }
            results.append(state)
        }
        let interval = connector.settings["sync_interval_minutes"]?.wholeNumber ?? Self.defaultIntervalMinutes
        let ended = now()
        try await store.transaction(tenant) { tx in
            try await tx.crmSync.schedule(
                connectorID, next: ended.addingTimeInterval(TimeInterval(interval * 60)), ranAt: ended)
        }
        return results
    }

    /// Reads pages of `kind` until the last, a failure or ``maxPagesPerRun``.
    /// - Returns: the state afterwards, and whether the vendor failed retryably (stop the run).
    private func run(
        _ kind: String, from start: CRMSyncState, _ connector: Connector, _ endpoint: ConnectorEndpoint,
        pageSize: Int
    ) async throws -> (CRMSyncState, Bool) {
        var state = start
        if state.pageCursor == nil {
            state.runStartedAt = now()
            state.runHighWater = state.updatedSince
        }
        for _ in 0..<Self.maxPagesPerRun {
            let page = await systems.fetchPage(
                endpoint, kind: kind, updatedSince: state.updatedSince, cursor: state.pageCursor, pageSize: pageSize)
            switch page {
            case .failed(let failure):
                state.lastError = failure.reason
                state.lastErrorAt = now()
                try await save(state, connector)
                logger.warning(
                    "crm sync page failed",
                    metadata: [
                        "tenant_id": "\(connector.tenantID)", "connector_id": "\(connector.id)", "kind": "\(kind)",
                        "error": "\(failure)",
                    ])
                return (state, failure.retryable)
            case .fetched(let records, let next):
                state = try await store.transaction(connector.tenantID) { [state] tx in
                    var state = state
                    let applier = CRMRecordApplier(tx: tx, connector: connector, at: now())
                    for record in records {
                        if case .skipped(let why) = try await applier.apply(record, kind: kind) {
                            logger.info(
                                "crm record skipped",
                                metadata: ["connector_id": "\(connector.id)", "kind": "\(kind)", "reason": "\(why)"])
                        }
                        if let changed = record.updatedAt, changed > (state.runHighWater ?? .distantPast) {
                            state.runHighWater = changed
                        }
                    }
                    state.recordsSynced += Int64(records.count)
                    state.pageCursor = next
                    if next == nil {
                        state.updatedSince = state.runHighWater ?? state.updatedSince
                        state.runHighWater = nil
                        state.lastSuccessAt = now()
                        state.lastError = nil
                        state.lastErrorAt = nil
                    }
                    try await tx.crmSync.save(state, of: connector.id)
                    return state
                }
                if next == nil { return (state, false) }
            }
        }
        return (state, false)
    }

    private func save(_ state: CRMSyncState, _ connector: Connector) async throws {
        try await store.transaction(connector.tenantID) { tx in try await tx.crmSync.save(state, of: connector.id) }
    }
}
