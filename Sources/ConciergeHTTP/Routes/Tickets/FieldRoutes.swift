import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `/api/v1/ticket-fields` and `/api/v1/ticket-forms`: the form engine's configuration.
/// Agents read it (to render forms); admins change it.
struct FieldRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("ticket-fields", requires: .ticketsRead) { _, context in
            let fields = try await services.fields.fields(tenant: context.identity.tenantID)
            return Page(key: "ticket_fields", items: fields.map(EncodableDocument.init), nextCursor: nil)
        }
        api.post("ticket-fields", requires: .tenantWrite) { request, context in
            let body = try await request.decodeBody(as: CustomFieldDraft.self, context: context)
            let definition = try Self.mapping { try body.definition(updating: nil) }
            let created = try await services.fields.create(
                definition, actor: context.identity.actor, tenant: context.identity.tenantID)
            return EditedResponse(
                status: .created, response: Wrapped(key: "ticket_field", item: EncodableDocument(created)))
        }
        api.patch("ticket-fields/:field", requires: .tenantWrite) { request, context in
            let tenant = context.identity.tenantID
            let existing = try await services.fields.field(context.parameters.get("field") ?? "", tenant: tenant)
            let body = try await request.decodeBody(as: CustomFieldDraft.self, context: context)
            let definition = try Self.mapping { try body.definition(updating: existing) }
            let updated = try await services.fields.update(definition, actor: context.identity.actor, tenant: tenant)
            return Wrapped(key: "ticket_field", item: EncodableDocument(updated))
        }
        api.get("ticket-forms", requires: .ticketsRead) { _, context in
            let forms = try await services.fields.forms(tenant: context.identity.tenantID)
            return Page(key: "ticket_forms", items: forms.map(EncodableDocument.init), nextCursor: nil)
        }
        api.post("ticket-forms", requires: .tenantWrite) { request, context in
            let body = try await request.decodeBody(as: TicketFormDraft.self, context: context)
            let form = try Self.mapping { try body.form(updating: nil) }
            let created = try await services.fields.create(
                form, actor: context.identity.actor, tenant: context.identity.tenantID)
            return EditedResponse(
                status: .created, response: Wrapped(key: "ticket_form", item: EncodableDocument(created)))
        }
        api.patch("ticket-forms/:form", requires: .tenantWrite) { request, context in
            let tenant = context.identity.tenantID
            let existing = try await services.fields.form(context.parameters.get("form") ?? "", tenant: tenant)
            let body = try await request.decodeBody(as: TicketFormDraft.self, context: context)
            let form = try Self.mapping { try body.form(updating: existing) }
            let updated = try await services.fields.update(form, actor: context.identity.actor, tenant: tenant)
            return Wrapped(key: "ticket_form", item: EncodableDocument(updated))
        }
    }

    static func mapping<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ValidationError { throw AppError.invalid(error) }
    }
}

/// Serves a domain document (already snake_case through its coding keys) as JSON.
struct EncodableDocument<Value: Encodable & Sendable>: Encodable, Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
