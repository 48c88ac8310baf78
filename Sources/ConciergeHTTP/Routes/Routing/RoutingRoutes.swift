import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// Routing: each group's method and reroute policy, agents' presence and capacity.
struct RoutingRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("groups/:id/routing", requires: .groupsRead) { _, context in
            let settings = try await services.presence.routing(
                of: try context.id("id", of: "group"), tenant: context.identity.tenantID)
            return Wrapped(key: "routing", item: EncodableDocument(settings))
        }
        api.put("groups/:id/routing", requires: .groupsWrite) { request, context in
            let body = try await request.decodeBody(as: RoutingBody.self, context: context)
            let settings = try await services.presence.setRouting(
                GroupRouting(method: body.method, reroutePolicy: body.reroutePolicy ?? .keep),
                of: try context.id("id", of: "group"), tenant: context.identity.tenantID)
            return Wrapped(key: "routing", item: EncodableDocument(settings))
        }
        api.get("agents/presence", requires: .usersRead) { _, context in
            let agents = try await services.presence.presence(tenant: context.identity.tenantID)
            return Page(
                key: "agents",
                items: agents.map {
                    PresenceRepresentation(
                        userId: $0.user.id, name: $0.user.name, availability: $0.presence.availability,
                        capacity: $0.presence.capacity, openTickets: $0.openTickets,
                        lastAssignedAt: $0.presence.lastAssignedAt)
                }, nextCursor: nil)
        }
        api.put("me/presence", requires: .ticketsRead) { request, context in
            guard let user = context.identity.userID else {
                throw AppError(.invalidInput, code: "no_user", message: "presence belongs to users; sign in as one")
            }
            let body = try await request.decodeBody(as: PresenceBody.self, context: context)
            // Capacity is an administrator's decision, made through users/{id}/presence (users:write).
            guard body.capacity == nil else {
                throw AppError(
                    .invalidInput, code: "not_allowed", message: "set capacity through /api/v1/users/{id}/presence",
                    field: "capacity")
            }
            return try await update(user, body, context: context)
        }
        api.put("users/:id/presence", requires: .usersWrite) { request, context in
            let body = try await request.decodeBody(as: PresenceBody.self, context: context)
            return try await update(try context.id("id", of: "user"), body, context: context)
        }
    }

    private func update(_ user: UserID, _ body: PresenceBody, context: TenantContext) async throws -> PresenceResult {
        let moved = try await services.presence.setPresence(
            of: user, availability: body.availability, capacity: body.capacity, tenant: context.identity.tenantID)
        return PresenceResult(
            moved: moved.map { MovedRepresentation(ticketId: $0.ticketID, assigneeId: $0.assigneeID) })
    }
}

struct RoutingBody: Decodable, Sendable {
    var method: RoutingMethod
    var reroutePolicy: ReroutePolicy?

    enum CodingKeys: String, CodingKey {
        case method
        case reroutePolicy = "reroute_policy"
    }
}

struct PresenceBody: Decodable, Sendable {
    var availability: AgentAvailability?
    var capacity: Int?
}

struct PresenceRepresentation: Encodable, Sendable {
    var userId: UserID
    var name: String
    var availability: AgentAvailability
    var capacity: Int
    var openTickets: Int
    var lastAssignedAt: Date?
}

struct MovedRepresentation: Encodable, Sendable {
    var ticketId: TicketID
    var assigneeId: UserID?
}

/// The tickets an agent's going offline moved.
struct PresenceResult: ResponseEncodable {
    var moved: [MovedRepresentation]
}
