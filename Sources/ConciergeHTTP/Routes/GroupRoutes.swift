import ConciergeCore
import ConciergeDomain
import Hummingbird

/// Groups (teams, skill groups) of the caller's tenant.
struct GroupRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("groups", requires: .groupsRead) { _, context in
            let groups = try await services.groups.list(tenant: context.identity.tenantID)
            return Page(key: "groups", items: groups.map(GroupRepresentation.init), nextCursor: nil)
        }
        api.post("groups", requires: .groupsWrite) { request, context in
            let body = try await request.decodeBody(as: GroupBody.self, context: context)
            let group = try await services.groups.create(
                .init(key: body.key, name: body.name, description: body.description, memberIDs: body.memberIds),
                actor: context.identity.actor, tenant: context.identity.tenantID)
            return EditedResponse(status: .created, response: Wrapped(key: "group", item: GroupRepresentation(group)))
        }
        api.get("groups/:id", requires: .groupsRead) { _, context in
            let group = try await services.groups.get(
                try context.id("id", of: "group"), tenant: context.identity.tenantID)
            return Wrapped(key: "group", item: GroupRepresentation(group))
        }
        api.patch("groups/:id", requires: .groupsWrite) { request, context in
            let id: GroupID = try context.id("id", of: "group")
            let body = try await request.decodeBody(as: GroupBody.self, context: context)
            let group = try await services.groups.update(
                id, .init(key: body.key, name: body.name, description: body.description, memberIDs: body.memberIds),
                actor: context.identity.actor, tenant: context.identity.tenantID)
            return Wrapped(key: "group", item: GroupRepresentation(group))
        }
        api.delete("groups/:id", requires: .groupsWrite) { _, context in
            try await services.groups.delete(
                try context.id("id", of: "group"), actor: context.identity.actor, tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
    }
}
