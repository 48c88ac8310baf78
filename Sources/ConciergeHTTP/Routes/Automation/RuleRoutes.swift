import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `/api/v1/triggers` and `/api/v1/automations`: rules written whole under their key (PUT).
struct RuleRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("triggers", requires: .ticketsRead) { _, context in
            let triggers = try await services.rules.triggers(tenant: context.identity.tenantID)
            return Page(key: "triggers", items: triggers.map(EncodableDocument.init), nextCursor: nil)
        }
        api.put("triggers/:key", requires: .tenantWrite) { request, context in
            let trigger = try await request.keyedDocument(
                Trigger.self, key: context.parameters.get("key"), context: context)
            let saved = try await services.rules.saveTrigger(
                trigger, actor: context.identity.actor, tenant: context.identity.tenantID)
            return EditedResponse(
                status: saved.created ? .created : .ok,
                response: Wrapped(key: "trigger", item: EncodableDocument(saved.trigger)))
        }
        api.delete("triggers/:key", requires: .tenantWrite) { _, context in
            try await services.rules.deleteTrigger(
                key: context.parameters.get("key") ?? "", actor: context.identity.actor,
                tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
        api.get("automations", requires: .ticketsRead) { _, context in
            let automations = try await services.rules.automations(tenant: context.identity.tenantID)
            return Page(key: "automations", items: automations.map(EncodableDocument.init), nextCursor: nil)
        }
        api.put("automations/:key", requires: .tenantWrite) { request, context in
            let automation = try await request.keyedDocument(
                Automation.self, key: context.parameters.get("key"), context: context)
            let saved = try await services.rules.saveAutomation(
                automation, actor: context.identity.actor, tenant: context.identity.tenantID)
            return EditedResponse(
                status: saved.created ? .created : .ok,
                response: Wrapped(key: "automation", item: EncodableDocument(saved.automation)))
        }
        api.delete("automations/:key", requires: .tenantWrite) { _, context in
            try await services.rules.deleteAutomation(
                key: context.parameters.get("key") ?? "", actor: context.identity.actor,
                tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
    }
}

extension Request {
    /// A configuration document from the body, its `key` taken from the path: a different key
    /// in the body is an error rather than a silent rename.
    func keyedDocument<Document: Decodable>(_ type: Document.Type, key: String?, context: TenantContext)
        async throws -> Document
    {
        let key = key ?? ""
        var body = try await decodeBody(as: [String: JSONValue].self, context: context)
        if let given = body["key"], given != .string(key) {
            throw AppError(.invalidInput, code: "key_mismatch", message: "must match the key in the path", field: "key")
        }
        body["key"] = .string(key)
        return try JSONDecoder().decode(Document.self, from: try JSONEncoder().encode(body))
    }
}
