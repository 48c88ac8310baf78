import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `GET /agent/tickets/{number}`: one ticket with its conversation, reply form, properties
/// form and history.
struct AgentTicketRoutes {
    let services: HTTPServices
    let resources: WebResources

    /// How many history entries the page shows (newest first).
    static let historyLimit = 50
    /// How many comments the page shows (oldest first).
    static let commentLimit = 500

    func register(on group: RouterGroup<TenantContext>) {
        group.get("tickets/:ticket", requires: .ticketsRead) { request, context in
            let identity = context.identity
            let reads = try await services.workspace.ticket(
                try context.ticket(), for: identity, commentLimit: Self.commentLimit, historyLimit: Self.historyLimit)
            let viewer = WebViewer(identity, user: reads.viewer, tenant: reads.tenant, resources: resources)
            let ticket = reads.ticket
            let relations = AgentTicketRelations(
                ticket: ticket, definitions: reads.definitions, parent: reads.parent, children: reads.children,
                related: reads.related, catalogue: viewer.catalogue)
            let input = AgentTicketPage.Input(
                ticket: ticket, requester: reads.requester, comments: reads.comments, history: reads.history,
                users: reads.users, groups: reads.groups, macros: reads.macros, attachments: reads.attachments,
                relations: relations,
                fieldEditor: AgentTicketFieldEditor(
                    ticket: ticket, definitions: reads.definitions, forms: reads.forms, catalogue: viewer.catalogue,
                    timeZone: viewer.dates.timeZone, invalidKey: WebFlash.field(carriedBy: request)))
            return viewer.respond(
                "ticket", page: AgentTicketPage(input, viewer: viewer, now: Date()), request: request,
                resources: resources, secureCookies: services.settings.secureCookies)
        }
    }
}
