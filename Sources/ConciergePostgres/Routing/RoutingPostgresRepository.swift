import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Group routing settings and agent presence of one tenant.
struct RoutingPostgresRepository: RoutingRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func settings(of group: GroupID) async throws -> GroupRouting {
        let rows = try await connection.query(
            """
            SELECT method, reroute_policy, cursor_user_id FROM group_routing
            WHERE tenant_id = \(tenantID.rawValue) AND group_id = \(group.rawValue)
            """, logger: logger)
        for try await (method, policy, cursor) in rows.decode((String, String, UUID?).self) {
            return GroupRouting(
                method: RoutingMethod(rawValue: method) ?? .manual,
                reroutePolicy: ReroutePolicy(rawValue: policy) ?? .keep,
                cursor: cursor.map(UserID.init))
        }
        return GroupRouting()
    }

    func save(_ settings: GroupRouting, for group: GroupID, at date: Date) async throws {
        try await connection.query(
            """
            INSERT INTO group_routing (tenant_id, group_id, method, reroute_policy, cursor_user_id, updated_at)
            VALUES (\(tenantID.rawValue), \(group.rawValue), \(settings.method.rawValue), \(settings.reroutePolicy.rawValue),
                    \(settings.cursor?.rawValue), \(date))
            ON CONFLICT (tenant_id, group_id) DO UPDATE SET method = EXCLUDED.method,
                reroute_policy = EXCLUDED.reroute_policy, updated_at = EXCLUDED.updated_at
            """, logger: logger)
    }

    func recordAssignment(group: GroupID, cursor: UserID?, agent: UserID, at date: Date) async throws {
        try await connection.query(
            """
            UPDATE group_routing SET cursor_user_id = \(cursor?.rawValue)
            WHERE tenant_id = \(tenantID.rawValue) AND group_id = \(group.rawValue)
            """, logger: logger)
        try await connection.query(
            """
            INSERT INTO agent_presence (tenant_id, user_id, availability, capacity, last_assigned_at, changed_at)
            VALUES (\(tenantID.rawValue), \(agent.rawValue), 'offline', \(AgentPresence.defaultCapacity), \(date), \(date))
            ON CONFLICT (tenant_id, user_id) DO UPDATE SET last_assigned_at = EXCLUDED.last_assigned_at
            """, logger: logger)
    }

    func presence(of users: [UserID]) async throws -> [UserID: AgentPresence] {
        let rows = try await connection.query(
            """
            SELECT user_id, availability, capacity, last_assigned_at FROM agent_presence
            WHERE tenant_id = \(tenantID.rawValue) AND user_id = ANY(\(users.map(\.rawValue))::uuid[])
            """, logger: logger)
        var result = Dictionary(uniqueKeysWithValues: users.map { ($0, AgentPresence()) })
        for try await (user, availability, capacity, last) in rows.decode((UUID, String, Int32, Date?).self) {
            result[UserID(user)] = AgentPresence(
                availability: AgentAvailability(rawValue: availability) ?? .offline, capacity: Int(capacity),
                lastAssignedAt: last)
        }
        return result
    }

    func save(_ presence: AgentPresence, of user: UserID, at date: Date) async throws {
        try await connection.query(
            """
            INSERT INTO agent_presence (tenant_id, user_id, availability, capacity, last_assigned_at, changed_at)
            VALUES (\(tenantID.rawValue), \(user.rawValue), \(presence.availability.rawValue), \(presence.capacity),
                    \(presence.lastAssignedAt), \(date))
            ON CONFLICT (tenant_id, user_id) DO UPDATE SET availability = EXCLUDED.availability,
                capacity = EXCLUDED.capacity, changed_at = EXCLUDED.changed_at
            """, logger: logger)
    }

    func openTicketCounts(of users: [UserID]) async throws -> [UserID: Int] {
        let rows = try await connection.query(
            """
            SELECT assignee_id, count(*)::int8 FROM tickets
            WHERE tenant_id = \(tenantID.rawValue) AND status IN ('new', 'open')
              AND assignee_id = ANY(\(users.map(\.rawValue))::uuid[])
            GROUP BY assignee_id
            """, logger: logger)
        var counts = Dictionary(uniqueKeysWithValues: users.map { ($0, 0) })
        for try await (user, count) in rows.decode((UUID, Int64).self) { counts[UserID(user)] = Int(count) }
        return counts
    }

    func groups(of user: UserID) async throws -> [GroupID] {
        let rows = try await connection.query(
            """
            SELECT group_id FROM group_members WHERE tenant_id = \(tenantID.rawValue) AND user_id = \(user.rawValue)
            ORDER BY group_id
            """, logger: logger)
        var groups: [GroupID] = []
        for try await id in rows.decode(UUID.self) { groups.append(GroupID(id)) }
        return groups
    }

    func openTickets(of user: UserID, in group: GroupID) async throws -> [Ticket] {
        try await TicketRow.tickets(
            connection.query(
                """
                SELECT \(unescaped: TicketRow.columns) FROM tickets
                WHERE tenant_id = \(tenantID.rawValue) AND assignee_id = \(user.rawValue) AND group_id = \(group.rawValue)
                  AND status IN ('new', 'open')
                ORDER BY created_at LIMIT 1000
                """, logger: logger), tenant: tenantID)
    }
}
