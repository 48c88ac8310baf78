import ConciergeCore
import ConciergeDomain
import Foundation

/// One of the customer's requests: its status in the customer's terms, the public
/// conversation with its files, the reply box (not for a closed request), "mark as solved",
/// and the rating once it is solved.
struct PortalRequestView {
    struct FileLink {
        let name: String
        let href: String
        let size: String
    }

    struct Message {
        let author: String
        /// `you`, `agent` or `other`: the CSS modifier.
        let kind: String
        let role: String?
        let body: String
        let created: String
        let createdISO: String
        let files: [FileLink]
        let hasFiles: Bool
    }

    struct Fact {
        let label: String
        let value: String
    }

    struct Star {
        let value: Int
        let label: String
    }

    let number: Int64
    let subject: String
    let status: String
    let statusKey: String
    let statusHint: String
    let facts: [Fact]
    let messages: [Message]
    let canReply: Bool
    let replyAction: String
    let replyHint: String
    let canSolve: Bool
    let solveAction: String
    let closedNotice: String?
    let followUpURL: String?
    let mergedNotice: String?
    let mergedURL: String?
    let canRate: Bool
    let ratingAction: String
    let stars: [Star]
    let rated: String?
    let ratedComment: String?
    let backURL: String

    init(_ request: PortalRequest, visit: PortalVisit, site: PortalSite) {
        let catalogue = visit.catalogue
        let ticket = request.ticket
        let paths = visit.paths
        let status = PortalStatus(ticket.status)
        number = ticket.number
        subject = ticket.subject
        self.status = catalogue.text("portal_status_\(status.rawValue)")
        statusKey = status.rawValue
        statusHint = catalogue.text("portal_status_hint_\(status.rawValue)")
        var facts = [
            Fact(label: catalogue.text("portal_request_created"), value: visit.dates.text(ticket.createdAt)),
            Fact(label: catalogue.text("portal_request_updated"), value: visit.dates.text(ticket.updatedAt)),
        ]
        if let asset = request.asset {
            facts.append(
                Fact(label: catalogue.text("portal_request_device"), value: "\(asset.model) (\(asset.serialNumber))"))
        }
        for (definition, value) in request.fields {
            facts.append(
                Fact(
                    label: definition.labels.text(for: catalogue.locale),
                    value: AgentTicketRelations.text(value, definition: definition, catalogue: catalogue)))
        }
        self.facts = facts
        let you = catalogue.text("portal_author_you")
        func links(_ files: [Attachment]) -> [FileLink] {
            files.map {
                FileLink(
                    name: $0.filename, href: paths.file($0.id),
                    size: ByteCountFormatter.string(fromByteCount: $0.sizeBytes, countStyle: .file))
            }
        }
        let original = links(request.requestFiles)
        var messages = [
            Message(
                author: you, kind: "you", role: nil, body: ticket.description,
                created: visit.dates.text(ticket.createdAt), createdISO: visit.dates.iso(ticket.createdAt),
                files: original, hasFiles: !original.isEmpty)
        ]
        for comment in request.comments {
            let author: String
            let kind: String
            var role: String?
            switch comment.author {
            case .customer(let id) where id == ticket.requesterID:
                (author, kind) = (you, "you")
            case .customer(let id):
                (author, kind) = (request.customerNames[id] ?? catalogue.text("portal_author_customer"), "other")
            case .user(let id):
                let name = request.agentNames[id] ?? ""
                (author, kind) = (name.isEmpty ? visit.tenant.name : name, "agent")
                role = catalogue.text("portal_author_role_agent", ["tenant": visit.tenant.name])
            case .system:
                (author, kind) = (visit.tenant.name, "agent")
            }
            let files = links(request.commentFiles[comment.id] ?? [])
            messages.append(
                Message(
                    author: author, kind: kind, role: role, body: comment.body,
                    created: visit.dates.text(comment.createdAt), createdISO: visit.dates.iso(comment.createdAt),
                    files: files, hasFiles: !files.isEmpty))
        }
        self.messages = messages
        canReply = ticket.status != .closed
        replyAction = paths.reply(ticket.number)
        replyHint = catalogue.text(ticket.status == .solved ? "portal_reply_hint_reopens" : "portal_reply_hint")
        canSolve = ticket.status.isUnsolved
        solveAction = paths.solve(ticket.number)
        if ticket.status == .closed, ticket.mergedIntoID == nil {
            closedNotice = catalogue.text("portal_closed_notice")
            followUpURL =
                site.forms.first.map { "\(paths.form($0.key))?follow_up=\(ticket.number)" } ?? paths.home
        } else {
            closedNotice = nil
            followUpURL = nil
        }
        if let merged = request.mergedIntoNumber {
            mergedNotice = catalogue.text("portal_merged_notice", ["number": String(merged)])
            mergedURL = paths.request(merged)
        } else if ticket.mergedIntoID != nil {
            mergedNotice = catalogue.text("portal_merged_notice_elsewhere")
            mergedURL = nil
        } else {
            mergedNotice = nil
            mergedURL = nil
        }
        canRate = request.canRate
        ratingAction = paths.rating(ticket.number)
        stars = (1...5).reversed().map { Star(value: $0, label: catalogue.text("portal_rating_\($0)")) }
        if let survey = request.survey, survey.answeredAt != nil, let rating = survey.rating {
            rated = catalogue.text(
                "portal_rated", ["rating": String(rating), "label": catalogue.text("portal_rating_\(rating)")])
            ratedComment = survey.comment
        } else {
            rated = nil
            ratedComment = nil
        }
        backURL = paths.requests
    }
}
