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
                            "field": fieldLabel(field, catalogue), "old": valueText(pair[0], field, names, catalogue),
                            "new": valueText(pair[1], field, names, catalogue),
                        ]))
            }
        }
        return Item(
            title: title, actor: catalogue.text("history_by", ["actor": actorName]),
            at: viewer.dates.text(event.occurredAt), atISO: viewer.dates.iso(event.occurredAt), changes: changes)
    }

    static func fieldLabel(_ field: String, _ catalogue: WebCatalogue) -> String {
        switch field {
        case "status", "priority", "subject": catalogue.text("field_\(field)")
        case "assignee_id": catalogue.text("field_assignee")
        case "group_id": catalogue.text("field_group")
        default: field
        }
    }

    static func valueText(_ value: JSONValue, _ field: String, _ names: Names, _ catalogue: WebCatalogue) -> String {
        guard case .string(let text) = value else {
            return value == .null ? catalogue.text("field_none") : String(describing: value)
        }
        switch field {
        case "status": return TicketStatus(rawValue: text).map(catalogue.label) ?? text
        case "priority": return TicketPriority(rawValue: text).map(catalogue.label) ?? text
        case "assignee_id": return UserID(text).flatMap { names.users[$0] } ?? text
        case "group_id": return GroupID(text).flatMap { names.groups[$0] } ?? text
        default: return text
        }
    }
}
