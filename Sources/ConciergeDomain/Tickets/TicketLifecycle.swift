/// The ticket state machine: which status changes are allowed, and what a reply does.
public enum TicketLifecycle {
    /// Whether a ticket may move from `from` to `to` by an explicit change.
    ///
    /// Any unsolved status may move to any other unsolved status or to solved; solved may be
    /// reopened (to open, pending or on hold) or closed; closed is final; nothing returns to new.
    public static func allows(from: TicketStatus, to: TicketStatus) -> Bool {
        if from == to { return true }
        switch (from, to) {
        case (.closed, _): return false
        case (_, .new): return false
        case (.solved, .closed): return true
        case (_, .closed): return false
        default: return true
        }
    }

    /// Checks a requested transition.
    /// - Throws: ``ValidationError`` on field `status` naming both statuses.
    public static func validate(from: TicketStatus, to: TicketStatus) throws(ValidationError) {
        guard allows(from: from, to: to) else {
            let reason =
                from == .closed
                ? "a closed ticket cannot change; create a follow-up instead"
                : "cannot change from \(from.rawValue) to \(to.rawValue)"
            throw ValidationError(field: "status", code: "invalid_transition", message: reason)
        }
    }

    /// The status after a public comment, given who wrote it.
    ///
    /// A requester's reply reopens a solved ticket and takes a pending one back to open; an
    /// agent's first public reply moves a new ticket to open.
    public static func statusAfterPublicComment(_ status: TicketStatus, byRequester: Bool) -> TicketStatus {
        switch (status, byRequester) {
        case (.solved, true), (.pending, true): .open
        case (.new, false): .open
        default: status
        }
    }
}
