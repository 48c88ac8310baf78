import ConciergeCore
import ConciergeDomain
import Foundation

/// The query parameters of the ticket list page: `view` (a saved view's key), `status`, `q`
/// (full-text, Chinese or English), `sort` and `cursor`.
///
/// Unlike the JSON API, an unknown value is ignored rather than refused: the page's own
/// controls only send valid ones, and a hand-edited link should still show a list.
struct AgentTicketFilters {
    /// The sort orders the page offers, with their catalogue keys.
    static let sortOptions: [(value: String, key: String)] = [
        ("-updated_at", "sort_updated_desc"), ("updated_at", "sort_updated_asc"), ("-created_at", "sort_created_desc"),
        ("-number", "sort_number_desc"), ("sla_breach_at", "sort_sla"),
    ]
    static let pageSize = 25

    var view: String?
    var status: TicketStatus?
    var text: String?
    var sort: String?
    var cursor: String?

    /// Reads the raw query string as a browser's GET form sends it (`+` for a space).
    init(query: String?) {
        let parameters = PublicPage.formFields(query ?? "")
        func value(_ name: String) -> String? {
            parameters[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        view = value("view")
        status = value("status").flatMap(TicketStatus.init(rawValue:))
        text = value("q")
        sort = value("sort").flatMap { sort in Self.sortOptions.contains { $0.value == sort } ? sort : nil }
        cursor = value("cursor")
    }

    /// The ticket query: the view's filters (when one is chosen) narrowed by the page's own.
    func query(view saved: SavedView?, viewer: UserID?) throws -> TicketQuery {
        var query = try saved?.filters.query(for: viewer) ?? TicketQuery()
        if let status { query.statuses = [status] }
        if let text { query.text = text }
        if let sort {
            let descending = sort.hasPrefix("-")
            query.sort = TicketQuery.SortField(rawValue: descending ? String(sort.dropFirst()) : sort) ?? .updatedAt
            query.descending = descending
        }
        query.cursor = cursor
        query.limit = Self.pageSize
        return query
    }

    /// The list's URL with these filters, changed by `change` (e.g. another cursor).
    func href(_ change: (inout AgentTicketFilters) -> Void = { _ in }) -> String {
        var filters = self
        change(&filters)
        let pairs: [(String, String?)] = [
            ("view", filters.view), ("status", filters.status?.rawValue), ("q", filters.text), ("sort", filters.sort),
            ("cursor", filters.cursor),
        ]
        let query = pairs.compactMap { name, value in value.map { "\(name)=\(Self.encode($0))" } }
        return query.isEmpty ? AgentPaths.tickets : "\(AgentPaths.tickets)?\(query.joined(separator: "&"))"
    }

    /// Percent-encodes everything but unreserved characters (so `+`, `&`, `#` survive).
    static func encode(_ value: String) -> String {
        let unreserved = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
