import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Satisfaction surveys of one tenant.
struct SatisfactionPostgresRepository: SatisfactionRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        id, kind, ticket_id, customer_id, agent_id, send_at, expires_at, sent_at, answered_at, rating::int8, comment,
        created_at
        """
    typealias Row = (UUID, String, UUID?, UUID, UUID?, Date, Date, Date?, Date?, Int64?, String?, Date)

    func insert(_ survey: SatisfactionSurvey) async throws -> Bool {
        let rows = try await connection.query(
            """
            INSERT INTO satisfaction_surveys (tenant_id, id, kind, ticket_id, customer_id, agent_id, send_at, expires_at,
                created_at)
            VALUES (\(tenantID.rawValue), \(survey.id), \(survey.kind.rawValue), \(survey.ticketID?.rawValue),
                    \(survey.customerID.rawValue), \(survey.agentID?.rawValue), \(survey.sendAt), \(survey.expiresAt),
                    \(survey.createdAt))
            ON CONFLICT DO NOTHING
            RETURNING id
            """, logger: logger
        ).collect()
        return !rows.isEmpty
    }

    func due(at date: Date, limit: Int) async throws -> [SatisfactionSurvey] {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM satisfaction_surveys
            WHERE tenant_id = \(tenantID.rawValue) AND sent_at IS NULL AND send_at <= \(date)
            ORDER BY send_at LIMIT \(limit) FOR UPDATE SKIP LOCKED
            """)
    }

    func markSent(_ id: UUID, digest: [UInt8], at date: Date) async throws {
        try await connection.query(
            """
            UPDATE satisfaction_surveys SET sent_at = \(date), token_digest = \(Data(digest))
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(id)
            """, logger: logger)
    }

    func find(digest: [UInt8]) async throws -> SatisfactionSurvey? {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM satisfaction_surveys
            WHERE tenant_id = \(tenantID.rawValue) AND token_digest = \(Data(digest)) FOR UPDATE
            """
        ).first
    }

    func answer(_ id: UUID, rating: Int, comment: String?, at date: Date) async throws -> Bool {
        let rows = try await connection.query(
            """
            UPDATE satisfaction_surveys SET rating = \(rating), comment = \(comment), answered_at = \(date)
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(id) AND answered_at IS NULL
            RETURNING id
            """, logger: logger
        ).collect()
        return !rows.isEmpty
    }

    func surveys(ofTicket ticket: TicketID) async throws -> [SatisfactionSurvey] {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM satisfaction_surveys
            WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(ticket.rawValue) ORDER BY created_at
            """)
    }

    func surveys(ofCustomer customer: CustomerID, limit: Int) async throws -> [SatisfactionSurvey] {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM satisfaction_surveys
            WHERE tenant_id = \(tenantID.rawValue) AND customer_id = \(customer.rawValue)
            ORDER BY created_at DESC LIMIT \(limit)
            """)
    }

    func answered(kind: SatisfactionSurvey.Kind, agent: UserID?, from: Date?, to: Date?, limit: Int) async throws
        -> [SatisfactionSurvey]
    {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM satisfaction_surveys
            WHERE tenant_id = \(tenantID.rawValue) AND kind = \(kind.rawValue) AND answered_at IS NOT NULL
              AND (\(agent?.rawValue)::uuid IS NULL OR agent_id = \(agent?.rawValue)::uuid)
              AND (\(from)::timestamptz IS NULL OR answered_at >= \(from)::timestamptz)
              AND (\(to)::timestamptz IS NULL OR answered_at < \(to)::timestamptz)
            ORDER BY answered_at DESC LIMIT \(limit)
            """)
    }

    private func fetch(_ query: PostgresQuery) async throws -> [SatisfactionSurvey] {
        var surveys: [SatisfactionSurvey] = []
        for try await row in try await connection.query(query, logger: logger).decode(Row.self) {
            surveys.append(
                SatisfactionSurvey(
                    id: row.0, kind: SatisfactionSurvey.Kind(rawValue: row.1) ?? .csat,
                    ticketID: row.2.map(TicketID.init),
                    customerID: CustomerID(row.3), agentID: row.4.map(UserID.init), sendAt: row.5, expiresAt: row.6,
                    sentAt: row.7, answeredAt: row.8, rating: row.9.map(Int.init), comment: row.10, createdAt: row.11))
        }
        return surveys
    }
}

/// The survey page's and the scheduler's cross-tenant lookups (migration 0011 functions).
public struct SatisfactionPostgresDirectory: SatisfactionDirectory {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func tenant(ofDigest digest: [UInt8]) async throws -> TenantID? {
        let rows = try await client.query("SELECT satisfaction_survey_tenant(\(Data(digest)))", logger: logger)
        for try await id in rows.decode(UUID?.self) { return id.map(TenantID.init) }
        return nil
    }

    public func tenantsWithDueSurveys(by date: Date) async throws -> [TenantID] {
        let rows = try await client.query("SELECT tenant_id FROM satisfaction_due_tenants(\(date))", logger: logger)
        var tenants: [TenantID] = []
        for try await id in rows.decode(UUID.self) { tenants.append(TenantID(id)) }
        return tenants
    }
}
