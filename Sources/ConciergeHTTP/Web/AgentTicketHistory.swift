import ConciergeCore
import ConciergeDomain
import Foundation

/// A ticket's recorded events as lines of its history: what happened, who did it, when, and
/// each changed field as "Status: New → Open".
enum AgentTicketHistory {
    struct Item {
        let title: String
        let actor: String
        let at: String
        let atISO: String
        let changes: [String]
    }

    /// Names for the ids that events record.
    struct Names {
        let users: [UserID: String]
        let groups: [GroupID: String]
    }

    static func item(_ recorded: RecordedEvent, names: Names, viewer: WebViewer) -> Item {
        let catalogue = viewer.catalogue
        let event = recorded.event
        // `ticket.sla_breached` reads `history_ticket_sla_breached`; types without a line read "Event <type>".
        let key = "history_" + event.type.replacingOccurrences(of: ".", with: "_")
        let title =
            catalogue.strings[key] != nil ? catalogue.text(key) : catalogue.text("history_other", ["type": event.type])
        let actorName: String =
            switch event.actor {
            case .user(let id): names.users[id] ?? id.description
            case .apiToken, .system: catalogue.text("author_system")
            }
        var changes: [String] = []
        if case .object(let fields)? = event.data["changes"] {
            for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
                guard case .array(let pair) = value, pair.count == 2 else { continue }
                changes.append(
                    catalogue.text(
                        "history_change",
                        [
                            "field": fieldLabel(field, catalogue), "old": valueText(pair[0], field, names, viewer),
                            "new": valueText(pair[1], field, names, viewer),
                        ]))
            }
        }
        return Item(
            title: title, actor: catalogue.text("history_by", ["actor": actorName]),
            at: viewer.dates.text(event.occurredAt), atISO: viewer.dates.iso(event.occurredAt), changes: changes)
    }

    /// `assignee_id` reads `field_assignee`, `follower_ids` `field_followers`, a custom field
    /// "Custom field <key>"; a field without a catalogue line shows its name.
    static func fieldLabel(_ field: String, _ catalogue: WebCatalogue) -> String {
        if field.hasPrefix("custom_fields.") {
            return catalogue.text("field_custom", ["key": String(field.dropFirst("custom_fields.".count))])
        }
        let name =
            field.hasSuffix("_ids")
            ? String(field.dropLast(4)) + "s" : field.hasSuffix("_id") ? String(field.dropLast(3)) : field
        let key = "field_\(name)"
        return catalogue.strings[key] != nil ? catalogue.text(key) : field
    }

    /// A recorded value as people read it: labels for statuses, priorities and types, names for
    /// people and groups, dates in the tenant's time zone, lists joined.
    static func valueText(_ value: JSONValue, _ field: String, _ names: Names, _ viewer: WebViewer) -> String {
        let catalogue = viewer.catalogue
        switch value {
        case .null: return catalogue.text("field_none")
        case .bool(let flag): return String(flag)
        case .number(let number): return number.rounded() == number ? String(Int(number)) : String(number)
        case .array(let items): return items.map { valueText($0, field, names, viewer) }.joined(separator: ", ")
        case .object: return String(describing: value)
        case .string(let text):
            switch field {
            case "status": return TicketStatus(rawValue: text).map(catalogue.label) ?? text
            case "priority": return TicketPriority(rawValue: text).map(catalogue.label) ?? text
            case "type": return TicketType(rawValue: text).map(catalogue.label) ?? text
            case "assignee_id", "follower_ids": return UserID(text).flatMap { names.users[$0] } ?? text
            case "group_id": return GroupID(text).flatMap { names.groups[$0] } ?? text
            case "due_at":
                let format = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
                return (try? format.parse(text)).map(viewer.dates.text) ?? text
            default: return text
            }
        }
    }
}
