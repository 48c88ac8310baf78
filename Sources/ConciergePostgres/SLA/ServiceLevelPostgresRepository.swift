import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Calendars, SLA policies and ticket SLA targets of one tenant.
struct ServiceLevelPostgresRepository: ServiceLevelRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    var calendarTable: ConfigurationDocumentTable {
        ConfigurationDocumentTable(
            name: "business_calendars", ordered: false, tenantID: tenantID, connection: connection, logger: logger)
    }
    var policyTable: ConfigurationDocumentTable {
        ConfigurationDocumentTable(
            name: "sla_policies", ordered: true, tenantID: tenantID, connection: connection, logger: logger)
    }

    func calendars() async throws -> [String: BusinessCalendar] {
        Dictionary(try await calendarTable.all(BusinessCalendar.self), uniquingKeysWith: { first, _ in first })
    }

    func saveCalendar(_ calendar: BusinessCalendar, key: String, at date: Date) async throws -> Bool {
        try await calendarTable.save(calendar, key: key, position: 0, at: date)
    }

    func deleteCalendar(key: String) async throws -> Bool { try await calendarTable.delete(key: key) }

    func policies() async throws -> [SLAPolicy] { try await policyTable.all(SLAPolicy.self).map(\.document) }

    func savePolicy(_ policy: SLAPolicy, at date: Date) async throws -> Bool {
        try await policyTable.save(policy, key: policy.key, position: policy.position, at: date)
    }

    func deletePolicy(key: String) async throws -> Bool { try await policyTable.delete(key: key) }
}
