import ConciergeDomain
import Foundation

/// Turns a ticket's recorded events into the ``SLATimeline`` the SLA clock needs: status and
/// priority changes from the `changes` of every event, public replies from
/// `ticket.comment_added` (a reply by the requester, a customer or through a customer channel
/// counts as the requester's; any other public comment as an agent's).
enum SLATimelineReader {
    static func timeline(of ticket: Ticket, events: [RecordedEvent]) -> SLATimeline {
        var slaEvents: [SLAEvent] = []
        var initialStatus: TicketStatus?
        var initialPriority: TicketPriority?
        for recorded in events.sorted(by: { $0.sequence < $1.sequence }) {
            let event = recorded.event
            let at = event.occurredAt
            if event.type == "ticket.created" {
                initialStatus = event.data["status"]?.stringValue.flatMap(TicketStatus.init(rawValue:))
                initialPriority = event.data["priority"]?.stringValue.flatMap(TicketPriority.init(rawValue:))
            }
            if event.type == "ticket.comment_added", event.data["public"] == .bool(true) {
                let author = event.data["author"]?.stringValue
                slaEvents.append(author == "customer" ? .requesterReplied(at: at) : .agentReplied(at: at))
            }
            guard case .object(let changes)? = event.data["changes"] else { continue }
            if case .array(let pair)? = changes["status"], pair.count == 2 {
                let old = pair[0].stringValue.flatMap(TicketStatus.init(rawValue:))
                if initialStatus == nil { initialStatus = old }
                if let new = pair[1].stringValue.flatMap(TicketStatus.init(rawValue:)) {
                    slaEvents.append(.statusChanged(to: new, at: at))
                }
            }
            if case .array(let pair)? = changes["priority"], pair.count == 2 {
                let old = pair[0].stringValue.flatMap(TicketPriority.init(rawValue:))
                if initialPriority == nil { initialPriority = old }
                if let new = pair[1].stringValue.flatMap(TicketPriority.init(rawValue:)) {
                    slaEvents.append(.priorityChanged(to: new, at: at))
                }
            }
        }
        return SLATimeline(
            createdAt: ticket.createdAt, initialStatus: initialStatus ?? ticket.status,
            initialPriority: initialPriority ?? ticket.priority, events: slaEvents)
    }
}
