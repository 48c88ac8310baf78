import ConciergeDomain
import Foundation

/// Administering business calendars and SLA policies, and reading a ticket's SLA state.
/// Calendars and policies are saved whole under their key (PUT semantics), the way
/// `Tenants/<slug>` YAML describes them; a change is recorded in the audit trail.
public struct ServiceLevelCatalog: Sendable {
    let store: any TenantStore
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.now = now
    }

    public func calendars(tenant: TenantID) async throws -> [(key: String, calendar: BusinessCalendar)] {
        try await store.transaction(tenant) { tx in
            try await tx.serviceLevels.calendars().sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    /// Saves the calendar `key`. - Returns: `true` when it was new. - Throws: `invalidInput`.
    public func saveCalendar(_ draft: BusinessCalendarDraft, key: String, actor: Actor, tenant: TenantID)
        async throws -> (calendar: BusinessCalendar, created: Bool)
    {
        let calendar: BusinessCalendar
        do throws(ValidationError) {
            _ = try Validate.key(key, field: "key")
            calendar = try BusinessCalendar(draft)
        } catch { throw AppError.invalid(error) }
        let at = now()
        return try await store.transaction(tenant) { tx in
            let created = try await tx.serviceLevels.saveCalendar(calendar, key: key, at: at)
            try await Self.recordChange(
                "business_calendar.saved", key: key, tenant: tenant, actor: actor, at: at, tx: tx)
            return (calendar, created)
        }
    }

    /// - Throws: `notFound`; `conflict` (`calendar_in_use`) while a policy names it.
    public func deleteCalendar(key: String, actor: Actor, tenant: TenantID) async throws {
        let at = now()
        try await store.transaction(tenant) { tx in
            if let policy = try await tx.serviceLevels.policies().first(where: { $0.calendarKey == key }) {
                throw AppError(
                    .conflict, code: "calendar_in_use", message: "SLA policy \(policy.key) uses this calendar",
                    field: "key")
            }
            guard try await tx.serviceLevels.deleteCalendar(key: key) else {
                throw AppError.notFound("business calendar")
            }
            try await Self.recordChange(
                "business_calendar.deleted", key: key, tenant: tenant, actor: actor, at: at, tx: tx)
        }
    }

    public func policies(tenant: TenantID) async throws -> [SLAPolicy] {
        try await store.transaction(tenant) { try await $0.serviceLevels.policies() }
    }

    /// Saves `policy` under its key. - Returns: `true` when it was new.
    /// - Throws: `invalidInput` naming the field (an unknown calendar is `calendar`).
    public func savePolicy(_ policy: SLAPolicy, actor: Actor, tenant: TenantID) async throws
        -> (policy: SLAPolicy, created: Bool)
    {
        let valid: SLAPolicy
        do throws(ValidationError) { valid = try policy.validated() } catch { throw AppError.invalid(error) }
        let at = now()
        return try await store.transaction(tenant) { tx in
            if let calendar = valid.calendarKey, try await tx.serviceLevels.calendars()[calendar] == nil {
                throw AppError(
                    .invalidInput, code: "unknown_calendar", message: "names no business calendar", field: "calendar")
            }
            let created = try await tx.serviceLevels.savePolicy(valid, at: at)
            try await Self.recordChange(
                "sla_policy.saved", key: valid.key, tenant: tenant, actor: actor, at: at, tx: tx)
            return (valid, created)
        }
    }

    /// - Throws: `notFound`.
    public func deletePolicy(key: String, actor: Actor, tenant: TenantID) async throws {
        let at = now()
        try await store.transaction(tenant) { tx in
            guard try await tx.serviceLevels.deletePolicy(key: key) else { throw AppError.notFound("SLA policy") }
            try await Self.recordChange("sla_policy.deleted", key: key, tenant: tenant, actor: actor, at: at, tx: tx)
        }
    }

    /// Records a configuration change and schedules the recomputation of every unsolved
    /// ticket's clocks under it (``SLARecomputeJob``), in the same transaction.
    static func recordChange(
        _ type: String, key: String, tenant: TenantID, actor: Actor, at: Date, tx: any TenantTransaction
    ) async throws {
        let event = FieldCatalog.event(type, key: key, tenant: tenant, actor: actor, at: at)
        try await tx.events.append(event, outbox: [SLARecomputeJob.message(tenant: tenant, eventID: event.id)])
    }

    /// The SLA state of a ticket as last computed (empty: no policy applies).
    public func targets(of reference: TicketReference, tenant: TenantID) async throws -> [StoredSLATarget] {
        try await store.transaction(tenant) { tx in
            try await tx.serviceLevels.targets(of: try await TicketDesk.find(reference, in: tx).id)
        }
    }
}
