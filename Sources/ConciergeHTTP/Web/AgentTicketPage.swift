import ConciergeCore
import ConciergeDomain
import Foundation

/// What the ticket page shows: the ticket, its conversation (public replies and internal
/// notes told apart), the reply form, the properties form that carries the version it read,
/// and the history.
struct AgentTicketPage {
    struct CommentItem {
        let id: String
        let body: String
        /// `public` or `internal`: the CSS modifier.
        let kind: String
        let kindLabel: String
        let author: String
        let created: String
        let createdISO: String
        let files: [FileLink]
        let hasFiles: Bool
    }

    /// A file sent with a comment: downloaded through the API with the same session.
    struct FileLink {
        let name: String
        let href: String
        let size: String
    }

    let number: Int64
    let subject: String
    let status: String
    let statusKey: String
    let priority: String
    let priorityKey: String
    let requester: String
    let requesterEmail: String
    let created: String
    let createdISO: String
    let channel: String
    let description: String
    let sla: SLABadge?
    let comments: [CommentItem]
    let version: Int
    let versionNote: String
    let replyAction: String
    let updateAction: String
    /// The event stream that says when the ticket changes (the page refreshes in place).
    let liveURL: String
    /// The page itself, to reload it.
    let liveReload: String
    /// The requester's customer 360 fragment, which the page loads beside the ticket.
    let customerPanelURL: String
    /// The tenant's active macros (one step: their changes and their reply), and where to post one.
    let macroOptions: [WebOption]
    let hasMacros: Bool
    let macroAction: String
    /// Custom fields, and the parent, child and related tickets.
    let relations: AgentTicketRelations?
    /// The custom fields' inputs in the properties form.
    let fieldEditor: AgentTicketFieldEditor?
    let statusOptions: [WebOption]
    let priorityOptions: [WebOption]
    let assigneeOptions: [WebOption]
    let groupOptions: [WebOption]
    let history: [AgentTicketHistory.Item]
    let hasHistory: Bool

    /// Everything the page needs, already fetched.
    struct Input {
        var ticket: Ticket
        var requester: Customer?
        var comments: [Comment]
        var history: [RecordedEvent]
        var users: [User]
        var groups: [Group]
        var macros: [Macro] = []
        var attachments: [Attachment] = []
        var relations: AgentTicketRelations?
        var fieldEditor: AgentTicketFieldEditor?
    }

    init(_ input: Input, viewer: WebViewer, now: Date) {
        let catalogue = viewer.catalogue
        let ticket = input.ticket
        let userNames = Dictionary(uniqueKeysWithValues: input.users.map { ($0.id, $0.name) })
        let requesterName = input.requester.map { $0.name.isEmpty ? ($0.emails.first ?? "") : $0.name } ?? ""
        number = ticket.number
        subject = ticket.subject
        status = catalogue.label(ticket.status)
        statusKey = ticket.status.rawValue
        priority = catalogue.label(ticket.priority)
        priorityKey = ticket.priority.rawValue
        requester = requesterName
        requesterEmail = input.requester?.emails.first ?? ""
        created = viewer.dates.text(ticket.createdAt)
        createdISO = viewer.dates.iso(ticket.createdAt)
        channel = catalogue.label(ticket.channel)
        description = ticket.description
        sla = ticket.slaBreachAt.flatMap { breachAt in
            ticket.status.isUnsolved
                ? SLABadge(breachAt: breachAt, now: now, catalogue: catalogue, dates: viewer.dates) : nil
        }
        let filesByComment = Dictionary(grouping: input.attachments.filter { $0.commentID != nil }) { $0.commentID! }
        comments = input.comments.map { comment in
            let author: String =
                switch comment.author {
                case .user(let id): userNames[id] ?? ""
                case .customer: requesterName
                case .system: catalogue.text("author_system")
                }
            let files = (filesByComment[comment.id] ?? []).map { file in
                FileLink(
                    name: file.filename, href: "/api/v1/attachments/\(file.id)",
                    size: ByteCountFormatter.string(fromByteCount: file.sizeBytes, countStyle: .file))
            }
            return CommentItem(
                id: comment.id.description, body: comment.body, kind: comment.isPublic ? "public" : "internal",
                kindLabel: catalogue.text(comment.isPublic ? "comment_public" : "comment_internal"), author: author,
                created: viewer.dates.text(comment.createdAt), createdISO: viewer.dates.iso(comment.createdAt),
                files: files, hasFiles: !files.isEmpty)
        }
        version = ticket.version
        versionNote = catalogue.text("update_version_note", ["version": String(ticket.version)])
        replyAction = AgentPaths.ticket(ticket.number) + "/reply"
        updateAction = AgentPaths.ticket(ticket.number) + "/update"
        liveURL = AgentPaths.ticket(ticket.number) + "/live"
        liveReload = AgentPaths.ticket(ticket.number)
        customerPanelURL = "/agent/customers/\(ticket.requesterID)/panel"
        macroOptions = input.macros.filter(\.active).map {
            WebOption(value: $0.key, label: $0.title.text(for: catalogue.locale), selected: false)
        }
        hasMacros = !macroOptions.isEmpty
        macroAction = AgentPaths.ticket(ticket.number) + "/macro"
        relations = input.relations
        fieldEditor = input.fieldEditor
        statusOptions = TicketStatus.allCases.map {
            WebOption(value: $0.rawValue, label: catalogue.label($0), selected: $0 == ticket.status)
        }
        priorityOptions = TicketPriority.allCases.map {
            WebOption(value: $0.rawValue, label: catalogue.label($0), selected: $0 == ticket.priority)
        }
        let none = catalogue.text("field_none")
        assigneeOptions =
            [WebOption(value: "", label: none, selected: ticket.assigneeID == nil)]
            // The current assignee stays listed even when no longer assignable, so saving the
            // form does not silently unassign them.
            + input.users.filter {
                ($0.status == .active && $0.role.allows(.ticketsWrite)) || $0.id == ticket.assigneeID
            }.map {
                WebOption(value: $0.id.description, label: $0.name, selected: $0.id == ticket.assigneeID)
            }
        groupOptions =
            [WebOption(value: "", label: none, selected: ticket.groupID == nil)]
            + input.groups.map {
                WebOption(value: $0.id.description, label: $0.name, selected: $0.id == ticket.groupID)
            }
        let names = AgentTicketHistory.Names(
            users: userNames, groups: Dictionary(uniqueKeysWithValues: input.groups.map { ($0.id, $0.name) }))
        history = input.history.map { AgentTicketHistory.item($0, names: names, viewer: viewer) }
        hasHistory = !history.isEmpty
    }
}
