/// Where a ticket is in its life. `closed` is final; `solved` reopens when the requester
/// replies.
public enum TicketStatus: String, Sendable, Codable, CaseIterable {
    case new
    case open
    case pending
    case onHold = "on_hold"
    case solved
    case closed

    /// Whether a ticket in this status still needs work (counts in backlogs).
    public var isUnsolved: Bool { self != .solved && self != .closed }
}

/// How urgent a ticket is.
public enum TicketPriority: String, Sendable, Codable, CaseIterable, Comparable {
    case low, normal, high, urgent

    private var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// What kind of request a ticket is.
public enum TicketType: String, Sendable, Codable, CaseIterable {
    case question, incident, problem, task
}

/// Through which channel a ticket arrived.
public enum TicketChannel: String, Sendable, Codable, CaseIterable {
    case email, web, chat, phone, api, qr, webhook, sms, dingtalk, wecom, `internal`
}
