import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird
import HummingbirdCore

/// Reads `GET /api/v1/tickets` query parameters into a ``TicketQuery``. Lists are comma
/// separated; every bad value answers 400 naming the parameter.
struct TicketQueryParameters {
    let parameters: FlatDictionary<Substring, Substring>
    let caller: Identity

    func query() throws -> TicketQuery {
        var query = TicketQuery()
        query.statuses = try list("status", TicketStatus.init(rawValue:))
        query.priorities = try list("priority", TicketPriority.init(rawValue:))
        query.types = try list("type", TicketType.init(rawValue:))
        query.channels = try list("channel", TicketChannel.init(rawValue:))
        query.groupIDs = try list("group_id") { GroupID($0) }
        query.tags = try list("tags") { Optional($0.lowercased()) }
        if let assignee = value("assignee") {
            switch assignee {
            case "me":
                guard let user = caller.userID else { throw invalid("assignee", "assignee=me needs a signed-in user") }
                query.assignee = .user(user)
            case "none", "unassigned": query.assignee = .unassigned
            default:
                guard let id = UserID(assignee) else { throw invalid("assignee", "must be me, none or a user id") }
                query.assignee = .user(id)
            }
        }
        if let text = value("requester_id") {
            guard let id = CustomerID(text) else { throw invalid("requester_id", "is not an id") }
            query.requesterID = id
        }
        if let text = value("organization_id") {
            guard let id = OrganizationID(text) else { throw invalid("organization_id", "is not an id") }
            query.organizationID = id
        }
        query.createdAfter = try date("created_after")
        query.createdBefore = try date("created_before")
        query.updatedAfter = try date("updated_after")
        query.updatedBefore = try date("updated_before")
        query.slaBreachBefore = try date("sla_breach_before")
        if let text = value("sla_breach_within") {
            guard let minutes = Int(text), minutes >= 0 else {
                throw invalid("sla_breach_within", "must be a number of minutes")
            }
            query.slaBreachBefore = Date().addingTimeInterval(Double(minutes) * 60)
        }
        for (key, raw) in parameters where key.hasPrefix("custom_fields.") {
            query.customFields[String(key.dropFirst("custom_fields.".count))] = Self.jsonValue(String(raw))
        }
        if let text = value("q"), !text.trimmingCharacters(in: .whitespaces).isEmpty { query.text = text }
        if let sort = value("sort") {
            let descending = sort.hasPrefix("-")
            guard let field = TicketQuery.SortField(rawValue: descending ? String(sort.dropFirst()) : sort) else {
                throw invalid(
                    "sort", "must be one of updated_at, created_at, number, sla_breach_at, optionally prefixed with -")
            }
            query.sort = field
            query.descending = descending
        }
        if let text = value("limit") {
            guard let limit = Int(text), (1...200).contains(limit) else { throw invalid("limit", "must be 1-200") }
            query.limit = limit
        }
        query.cursor = value("cursor")
        return query
    }

    private func value(_ name: String) -> String? {
        parameters[name[...]].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
    }

    private func list<T>(_ name: String, _ parse: (String) -> T?) throws -> [T] {
        guard let text = value(name) else { return [] }
        return try text.split(separator: ",").map { part in
            guard let parsed = parse(part.trimmingCharacters(in: .whitespaces)) else {
                throw invalid(name, "has an unknown value '\(part)'")
            }
            return parsed
        }
    }

    private func date(_ name: String) throws -> Date? {
        guard let text = value(name) else { return nil }
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw invalid(name, "must be an ISO 8601 date-time")
        }
        return date
    }

    private func invalid(_ name: String, _ message: String) -> AppError {
        AppError(.invalidInput, code: "invalid_parameter", message: "\(name) \(message)", field: name)
    }

    /// A query-string value as JSON: numbers and booleans as such, anything else as text.
    static func jsonValue(_ text: String) -> JSONValue {
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if let number = Double(text), text.range(of: "^-?[0-9]+(\\.[0-9]+)?$", options: .regularExpression) != nil {
            return .number(number)
        }
        return .string(text)
    }
}
