import ConciergeDomain

/// Reading a tenant's append-only event log (who changed what, when).
public struct AuditTrail: Sendable {
    let store: any TenantStore

    public init(store: any TenantStore) { self.store = store }

    /// Events newest first, before the `cursor` sequence number.
    public func list(
        tenant: TenantID, before cursor: Int64?, limit: Int, subjectType: String? = nil, subjectID: String? = nil
    ) async throws -> [RecordedEvent] {
        try await store.transaction(tenant) {
            try await $0.events.list(before: cursor, limit: limit, subjectType: subjectType, subjectID: subjectID)
        }
    }
}
