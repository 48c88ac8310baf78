import ConciergeCore
import ConciergeDomain
import Foundation
import PostgresNIO

/// Builds the SQL of a ``TicketQuery``: every value is a bind parameter; only fixed column
/// names and operators are written into the text. Lists page by keyset (sort value, id);
/// searches rank by relevance and page by offset.
struct TicketQuerySQL {
    /// The statement and how to make the cursor that follows a given ticket.
    struct Statement {
        var query: PostgresQuery
        var cursor: (Ticket) -> String
    }

    let query: TicketQuery
    let tenant: TenantID

    /// The WHERE conditions of the query's filters, with their bindings, and the ranked search
    /// (a call of `ticket_search_ranked`) when the query has text.
    private func filters() throws -> (conditions: [String], binds: PostgresBindings, search: String?) {
        var binds = PostgresBindings()
        var conditions: [String] = []
        func bind(_ value: some PostgresEncodable) throws -> String {
            try binds.append(value)
            return "$\(binds.count)"
        }
        let tenantParameter = try bind(tenant.rawValue)
        conditions.append("t.tenant_id = \(tenantParameter)")
        if !query.statuses.isEmpty { conditions.append("t.status = ANY(\(try bind(query.statuses.map(\.rawValue))))") }
        if !query.priorities.isEmpty {
            conditions.append("t.priority = ANY(\(try bind(query.priorities.map(\.rawValue))))")
        }
        if !query.types.isEmpty { conditions.append("t.type = ANY(\(try bind(query.types.map(\.rawValue))))") }
        if !query.channels.isEmpty { conditions.append("t.channel = ANY(\(try bind(query.channels.map(\.rawValue))))") }
        switch query.assignee {
        case .user(let id): conditions.append("t.assignee_id = \(try bind(id.rawValue))")
        case .unassigned: conditions.append("t.assignee_id IS NULL")
        case nil: break
        }
        if !query.groupIDs.isEmpty {
            conditions.append("t.group_id = ANY(\(try bind(query.groupIDs.map(\.rawValue))))")
        }
        if let requester = query.requesterID { conditions.append("t.requester_id = \(try bind(requester.rawValue))") }
        if query.topLevelOnly { conditions.append("t.parent_id IS NULL") }
        if let organization = query.organizationID {
            conditions.append("t.organization_id = \(try bind(organization.rawValue))")
        }
        if !query.tags.isEmpty { conditions.append("t.tags @> \(try bind(query.tags))::text[]") }
        if let date = query.createdAfter { conditions.append("t.created_at >= \(try bind(date))") }
        if let date = query.createdBefore { conditions.append("t.created_at < \(try bind(date))") }
        if let date = query.updatedAfter { conditions.append("t.updated_at >= \(try bind(date))") }
        if let date = query.updatedBefore { conditions.append("t.updated_at < \(try bind(date))") }
        if let date = query.slaBreachBefore { conditions.append("t.sla_breach_at < \(try bind(date))") }
        if query.sort == .slaBreachAt, query.text == nil { conditions.append("t.sla_breach_at IS NOT NULL") }
        if !query.customFields.isEmpty {
            conditions.append("t.custom_fields @> \(try bind(TicketRow.json(query.customFields)))::jsonb")
        }
        var search: String?
        if let text = query.text, let tsquery = SearchTokenizer.query(text) {
            // Candidates are the most recent matches of tickets and of comments, ranked by the
            // function as it reads them (GIN indexes, the caller's tenant only).
            let q = "to_tsquery('simple', \(try bind(tsquery)))"
            search = "ticket_search_ranked(\(q), \(try bind(Self.searchCandidates))::int4)"
        }
        return (conditions, binds, search)
    }

    /// `SELECT count(*)` of the matching tickets, stopping at `cap`.
    func count(cap: Int) throws -> PostgresQuery {
        var (conditions, binds, search) = try filters()
        if let search { conditions.append("t.id IN (SELECT ticket_id FROM \(search))") }
        binds.append(cap)
        return PostgresQuery(
            unsafeSQL:
                "SELECT count(*)::int8 FROM (SELECT 1 FROM tickets t WHERE \(conditions.joined(separator: " AND ")) LIMIT $\(binds.count)) capped",
            binds: binds)
    }

    func statement() throws -> Statement {
        var (conditions, binds, search) = try filters()
        func bind(_ value: some PostgresEncodable) throws -> String {
            try binds.append(value)
            return "$\(binds.count)"
        }

        let order: String
        var source = "tickets t"
        var pageColumns = "t.id"
        var outerOrder: String?
        var offsetClause = ""
        let cursor: (Ticket) -> String
        if let search {
            // Ordered by the function's columns only, so Postgres sorts the candidates first and
            // reads tickets just until the page is full.
            source = "\(search) r JOIN tickets t ON t.tenant_id = $1 AND t.id = r.ticket_id"
            pageColumns = "r.ticket_id AS id, r.rank, r.recency"
            order = "r.rank DESC, r.recency DESC, r.ticket_id DESC"
            outerOrder = "page.rank DESC, page.recency DESC, page.id DESC"
            let offset = try Self.offset(from: query.cursor)
            let next = offset + query.limit
            offsetClause = " OFFSET \(try bind(offset))"
            cursor = { _ in Self.encode("o:\(next)") }
        } else {
            let column = "t.\(query.sort.rawValue)"
            let direction = query.descending ? "DESC" : "ASC"
            if let position = try Self.keyset(from: query.cursor, sort: query.sort) {
                let comparison = query.descending ? "<" : ">"
                let value: String =
                    switch position.value {
                    case .micros(let micros): "(timestamptz 'epoch' + \(try bind(micros)) * interval '1 microsecond')"
                    case .number(let number): try bind(number)
                    }
                conditions.append("(\(column), t.id) \(comparison) (\(value), \(try bind(position.id)))")
            }
            order = "\(column) \(direction), t.id \(direction)"
            let sort = query.sort
            cursor = { ticket in
                let value: String =
                    switch sort {
                    case .updatedAt: "t:\(Self.micros(ticket.updatedAt))"
                    case .createdAt: "t:\(Self.micros(ticket.createdAt))"
                    case .slaBreachAt: "t:\(Self.micros(ticket.slaBreachAt ?? ticket.createdAt))"
                    case .number: "n:\(ticket.number)"
                    }
                return Self.encode("k:\(value):\(ticket.id)")
            }
        }
        let limit = try bind(query.limit + 1)
        let columns = TicketRow.columns.split(separator: ",").map {
            "t." + $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }.joined(separator: ", ")
        // A deferred join: the page's ids come first, from the indexes alone where they cover
        // the filters and the order (an agent's open and pending tickets: thousands of index
        // entries sorted, instead of thousands of rows read), then only those rows are read.
        let sql = """
            SELECT \(columns) FROM tickets t JOIN (
                SELECT \(pageColumns) FROM \(source) WHERE \(conditions.joined(separator: " AND "))
                ORDER BY \(order) LIMIT \(limit)\(offsetClause)
            ) page ON t.id = page.id
            WHERE t.tenant_id = $1
            ORDER BY \(outerOrder ?? order)
            """
        return Statement(query: PostgresQuery(unsafeSQL: sql, binds: binds), cursor: cursor)
    }

    enum KeysetValue {
        case micros(Int64)
        case number(Int64)
    }

    static func keyset(from cursor: String?, sort: TicketQuery.SortField) throws -> (value: KeysetValue, id: UUID)? {
        guard let cursor else { return nil }
        let parts = (decode(cursor) ?? "").split(separator: ":").map(String.init)
        guard parts.count == 4, parts[0] == "k", let number = Int64(parts[2]), let id = UUID(uuidString: parts[3])
        else {
            throw invalidCursor
        }
        switch (parts[1], sort) {
        case ("t", .updatedAt), ("t", .createdAt), ("t", .slaBreachAt): return (.micros(number), id)
        case ("n", .number): return (.number(number), id)
        default: throw invalidCursor
        }
    }

    /// How many of the newest matching tickets, and of the newest matching comments, a search
    /// ranks. Older matches are reached by narrowing the search (dates, status, more words).
    static let searchCandidates = 200

    static func offset(from cursor: String?) throws -> Int {
        guard let cursor else { return 0 }
        let parts = (decode(cursor) ?? "").split(separator: ":")
        guard parts.count == 2, parts[0] == "o", let offset = Int(parts[1]),
            (0...(2 * searchCandidates)).contains(offset)
        else {
            throw invalidCursor
        }
        return offset
    }

    static let invalidCursor = AppError(
        .invalidInput, code: "invalid_parameter", message: "cursor is not valid for this query", field: "cursor")

    static func micros(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) }

    static func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
            of: "/", with: "_"
        )
        .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> String? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) }
    }
}
