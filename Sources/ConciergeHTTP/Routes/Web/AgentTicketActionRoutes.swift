import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// The ticket page's form posts: a reply or internal note, and a change of status, priority,
/// assignee or group. Each answers with a redirect back to the ticket and a flash message
/// (post/redirect/get); a change made against an outdated version is refused with a conflict
/// message instead of overwriting someone else's change.
struct AgentTicketActionRoutes {
    let services: HTTPServices

    func register(on group: RouterGroup<TenantContext>) {
        group.post("tickets/bulk", requires: .ticketsWrite) { request, context in
            try await bulk(request, context)
        }
        group.post("tickets/:ticket/macro", requires: .ticketsWrite) { request, context in
            try await macro(request, context)
        }
        group.post("tickets/:ticket/reply", requires: .ticketsWrite) { request, context in
            try await reply(request, context)
        }
        group.post("tickets/:ticket/update", requires: .ticketsWrite) { request, context in
            try await update(request, context)
        }
    }

    private func reply(_ request: Request, _ context: TenantContext) async throws -> Response {
        var request = request
        let form = try await PostedForm.read(&request, context: context)
        let identity = context.identity
        let ticket = try await services.tickets.get(try context.ticket(), tenant: identity.tenantID)
        guard let user = identity.userID else { throw AppError.unauthenticated }
        let isPublic = form["visibility"] != "internal"
        let flash: WebFlash
        do {
            let body = form["body"] ?? ""
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Self.emptyBody }
            // Files first (each checked like any upload), then the comment that sends them.
            var attached: [AttachmentID] = []
            for file in try await PostedForm.files(in: request).prefix(WebSessionMiddleware.filesPerReply) {
                do {
                    attached.append(
                        try await services.attachments.upload(
                            filename: file.filename ?? "file", contentType: file.contentType ?? "",
                            bytes: file.bytes, to: .id(ticket.id), actor: identity.actor, tenant: identity.tenantID
                        ).id)
                } catch let error as AppError where error.category == .invalidInput {
                    return services.redirect(to: AgentPaths.ticket(ticket.number), flash: .fileRefused)
                }
            }
            _ = try await services.conversation.add(
                .init(body: body, isPublic: isPublic, channel: .web, attachmentIDs: attached), to: .id(ticket.id),
                author: .user(user), actor: identity.actor, tenant: identity.tenantID)
            flash = isPublic ? .replyPosted : .noteAdded
        } catch let error as AppError where error.category == .invalidInput || error.category == .conflict {
            flash = error.code == "ticket_closed" ? .ticketClosed : error.field == "body" ? .emptyBody : .refused
        }
        return services.redirect(to: AgentPaths.ticket(ticket.number), flash: flash)
    }

    private func update(_ request: Request, _ context: TenantContext) async throws -> Response {
        var request = request
        let form = try await PostedForm.read(&request, context: context)
        let identity = context.identity
        let ticket = try await services.tickets.get(try context.ticket(), tenant: identity.tenantID)
        let flash: WebFlash
        var refusedField: String?
        do {
            // A form without a readable version cannot prove it saw the current ticket.
            guard let version = form["version"].flatMap({ Int($0) }) else { throw Self.staleForm }
            var change = try Self.change(from: form)
            let fields = AgentTicketFieldEditor.changes(
                fields: form, pairs: try await PostedForm.pairs(in: request), ticket: ticket,
                definitions: try await services.fields.fields(tenant: identity.tenantID),
                forms: try await services.fields.forms(tenant: identity.tenantID),
                timeZone: try await Self.timeZone(of: identity, services: services))
            if !fields.isEmpty { change.customFields = fields }
            let after = try await services.tickets.update(
                .id(ticket.id), change, expectedVersion: version, actor: identity.actor, tenant: identity.tenantID)
            flash = after.version == version ? .nothingChanged : .ticketUpdated
        } catch let error as AppError where error.category == .invalidInput || error.category == .conflict {
            refusedField = error.field.flatMap { $0.hasPrefix("custom_fields.") ? String($0.dropFirst(14)) : nil }
            flash =
                switch error.code {
                case "version_conflict": .conflict
                case "ticket_closed": .ticketClosed
                default: refusedField == nil ? .refused : .fieldRefused
                }
        }
        return services.redirect(to: AgentPaths.ticket(ticket.number), flash: flash, field: refusedField)
    }

    /// A macro in one step: its changes and its reply (rendered for this ticket), by the agent.
    private func macro(_ request: Request, _ context: TenantContext) async throws -> Response {
        var request = request
        let form = try await PostedForm.read(&request, context: context)
        let identity = context.identity
        let ticket = try await services.tickets.get(try context.ticket(), tenant: identity.tenantID)
        guard let user = identity.userID else { throw AppError.unauthenticated }
        let agent = try await services.users.get(user, tenant: identity.tenantID)
        let flash: WebFlash
        do {
            _ = try await services.macros.apply(
                form["macro"] ?? "", to: .id(ticket.id), agent: agent, actor: identity.actor,
                tenant: identity.tenantID)
            flash = .macroApplied
        } catch let error as AppError
            where error.category == .invalidInput || error.category == .conflict || error.category == .notFound
        {
            flash = error.code == "ticket_closed" ? .ticketClosed : .refused
        }
        return services.redirect(to: AgentPaths.ticket(ticket.number), flash: flash)
    }

    /// The list's bulk bar: the same change for every ticket ticked (`ticket`, repeated), each
    /// in its own transaction (``TicketDesk/bulkUpdate(_:_:actor:tenant:)``); back to the list.
    private func bulk(_ request: Request, _ context: TenantContext) async throws -> Response {
        var request = request
        let form = try await PostedForm.read(&request, context: context)
        let numbers = try await PostedForm.values("ticket", in: request).compactMap { Int64($0) }
        var change = TicketChange()
        if let text = form["status"], let status = TicketStatus(rawValue: text) { change.status = status }
        if let text = form["priority"], let priority = TicketPriority(rawValue: text) { change.priority = priority }
        if let text = form["assignee_id"], !text.isEmpty {
            change.assigneeID = .some(text == "none" ? nil : UserID(text))
        }
        let flash: WebFlash
        if numbers.isEmpty || change.isEmpty {
            flash = .nothingSelected
        } else {
            let results = try await services.tickets.bulkUpdate(
                numbers.prefix(TicketDesk.bulkLimit).map(TicketReference.number), change,
                actor: context.identity.actor, tenant: context.identity.tenantID)
            flash = results.allSatisfy { $0.error == nil } ? .bulkUpdated : .bulkPartly
        }
        let back = form["back"].flatMap { $0.hasPrefix(AgentPaths.tickets) && !$0.contains("//") ? $0 : nil }
        return services.redirect(to: back ?? AgentPaths.tickets, flash: flash)
    }

    static let emptyBody = AppError(.invalidInput, code: "missing_field", message: "body is empty", field: "body")

    static let staleForm = AppError(.conflict, code: "version_conflict", message: "the form carries no version")

    /// The change the properties form asks for; an empty assignee or group clears it.
    static func change(from form: [String: String]) throws -> TicketChange {
        func invalid(_ field: String) -> AppError {
            AppError(.invalidInput, code: "invalid_parameter", message: "\(field) is not valid", field: field)
        }
        var change = TicketChange()
        if let text = form["status"] {
            guard let status = TicketStatus(rawValue: text) else { throw invalid("status") }
            change.status = status
        }
        if let text = form["priority"] {
            guard let priority = TicketPriority(rawValue: text) else { throw invalid("priority") }
            change.priority = priority
        }
        if let text = form["assignee_id"] {
            guard text.isEmpty || UserID(text) != nil else { throw invalid("assignee_id") }
            change.assigneeID = .some(UserID(text))
        }
        if let text = form["group_id"] {
            guard text.isEmpty || GroupID(text) != nil else { throw invalid("group_id") }
            change.groupID = .some(GroupID(text))
        }
        return change
    }

    /// The tenant's time zone, in which the form's date-times are typed.
    static func timeZone(of identity: Identity, services: HTTPServices) async throws -> TimeZone {
        WebDateFormat(timeZoneIdentifier: try await services.tenants.current(identity).timeZone).timeZone
    }
}
