import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

extension CustomerPostgresRepository {
    func list(_ query: CustomerQuery) async throws -> ListPage<Customer> {
        let after = try KeysetCursor(query.cursor)
        let text = query.text?.trimmingCharacters(in: .whitespacesAndNewlines)
        let textPattern = text.flatMap { $0.isEmpty ? nil : LikePattern.prefix($0.lowercased()) }
        let phonePattern = text.flatMap(Self.phonePrefix).map(LikePattern.prefix)
        let organization = query.organizationID?.rawValue
        // Sorting by the zh_pinyin collation puts 陈 before 李 before 王 (by reading) and mixes
        // Latin names in alphabetically; the keyset comparison uses the same collation.
        let customers = try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM customers
            WHERE tenant_id = \(tenantID.rawValue)
              AND (\(textPattern)::text IS NULL OR lower(name) LIKE \(textPattern)
                   OR EXISTS (SELECT 1 FROM unnest(emails) AS e WHERE e LIKE \(textPattern))
                   OR EXISTS (SELECT 1 FROM unnest(phones) AS p WHERE p LIKE \(phonePattern)))
              AND (\(organization)::uuid IS NULL OR organization_id = \(organization))
              AND (\(after?.value)::text IS NULL OR name COLLATE zh_pinyin > \(after?.value)
                   OR (name = \(after?.value) AND id > \(after?.id)))
            ORDER BY name COLLATE zh_pinyin, id
            LIMIT \(query.limit + 1)
            """)
        let page = Array(customers.prefix(query.limit))
        let next =
            customers.count > query.limit
            ? page.last.map { KeysetCursor(value: $0.name, id: $0.id.rawValue).encoded } : nil
        return ListPage(items: page, nextCursor: next)
    }

    func release(identity kind: CustomerIdentityKind, value: String, from customer: CustomerID) async throws {
        try await connection.query(
            """
            DELETE FROM customer_identities
            WHERE tenant_id = \(tenantID.rawValue) AND kind = \(kind.rawValue) AND value = \(value)
              AND customer_id = \(customer.rawValue)
            """, logger: logger)
    }

    func moveIdentities(from source: CustomerID, to target: CustomerID) async throws {
        try await connection.query(
            """
            UPDATE customer_identities SET customer_id = \(target.rawValue)
            WHERE tenant_id = \(tenantID.rawValue) AND customer_id = \(source.rawValue)
            """, logger: logger)
    }

    func associate(domains: [String], with organization: OrganizationID, at date: Date) async throws -> Int {
        guard !domains.isEmpty else { return 0 }
        let rows = try await connection.query(
            """
            UPDATE customers SET organization_id = \(organization.rawValue), updated_at = \(date)
            WHERE tenant_id = \(tenantID.rawValue) AND organization_id IS NULL
              AND EXISTS (SELECT 1 FROM unnest(emails) AS e WHERE split_part(e, '@', 2) = ANY(\(domains)::text[]))
            RETURNING id
            """, logger: logger)
        return try await rows.collect().count
    }

    /// The digits (and leading `+`) of search text that looks like the start of a phone
    /// number: at least three digits and nothing but phone punctuation.
    static func phonePrefix(_ text: String) -> String? {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        guard digits.count >= 3, text.allSatisfy({ ($0.isASCII && $0.isNumber) || " -()+.".contains($0) }) else {
            return nil
        }
        return (text.hasPrefix("+") ? "+" : "") + digits
    }
}
