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
            let tenant = identity.tenantID
            let viewer = try await WebViewer.load(identity, services: services, resources: resources)
            let ticket = try await services.tickets.get(try context.ticket(), tenant: tenant)
            let requesters = try await services.tickets.requesters(of: [ticket], tenant: tenant)
            let comments = try await services.conversation.list(
                .id(ticket.id), includeInternal: true, after: nil, limit: Self.commentLimit, tenant: tenant)
            let history = try await services.tickets.history(
                .id(ticket.id), tenant: tenant, before: nil, limit: Self.historyLimit)
            var parent: Ticket?
            if let parentID = ticket.parentID { parent = try await services.tickets.get(.id(parentID), tenant: tenant) }
            let definitions = try await services.fields.fields(tenant: tenant)
            let relations = AgentTicketRelations(
                ticket: ticket, definitions: definitions, parent: parent,
                children: try await services.tickets.children(of: .id(ticket.id), tenant: tenant),
                related: try await services.tickets.related(to: .id(ticket.id), tenant: tenant),
                catalogue: viewer.catalogue)
            let input = AgentTicketPage.Input(
                ticket: ticket, requester: requesters[ticket.requesterID], comments: comments, history: history,
                users: try await WebDirectory.users(services, tenant: tenant),
                groups: try await services.groups.list(tenant: tenant),
                macros: try await services.macros.list(tenant: tenant),
                attachments: try await services.attachments.list(.id(ticket.id), tenant: tenant),
                relations: relations,
                fieldEditor: AgentTicketFieldEditor(
                    ticket: ticket, definitions: definitions, forms: try await services.fields.forms(tenant: tenant),
                    catalogue: viewer.catalogue, timeZone: viewer.dates.timeZone,
                    invalidKey: WebFlash.field(carriedBy: request)))
            return viewer.respond(
                "ticket", page: AgentTicketPage(input, viewer: viewer, now: Date()), request: request,
                resources: resources, secureCookies: services.settings.secureCookies)
        }
    }
}
