import ConciergeDomain

extension WebCatalogue {
    /// The label of a ticket status (`status_on_hold`).
    func label(_ status: TicketStatus) -> String { text("status_\(status.rawValue)") }

    /// The label of a priority (`priority_urgent`).
    func label(_ priority: TicketPriority) -> String { text("priority_\(priority.rawValue)") }

    /// The label of a ticket type (`type_incident`).
    func label(_ type: TicketType) -> String { text("type_\(type.rawValue)") }

    /// The label of a channel (`channel_wecom`).
    func label(_ channel: TicketChannel) -> String { text("channel_\(channel.rawValue)") }

    /// A view's count for the sidebar: `12`, `10000+` when capped, empty when it has none.
    func viewCount(_ count: Int?, cap: Int) -> String {
        guard let count else { return "" }
        return count >= cap ? text("view_count_capped", ["count": String(cap)]) : String(count)
    }
}

/// A `<select>` option.
struct WebOption {
    let value: String
    let label: String
    let selected: Bool
}
