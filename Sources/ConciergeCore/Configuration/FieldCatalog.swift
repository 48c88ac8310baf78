import ConciergeDomain
import Foundation

/// Administering custom fields and ticket forms (the seeds' "form engine"). A field's key and
/// type never change after creation: stored values and configuration refer to them.
public struct FieldCatalog: Sendable {
    let store: any TenantStore
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.now = now
    }

    public func fields(tenant: TenantID) async throws -> [CustomFieldDefinition] {
        try await store.transaction(tenant) { try await $0.customFields.definitions() }
    }

    public func forms(tenant: TenantID) async throws -> [TicketForm] {
        try await store.transaction(tenant) { try await $0.customFields.forms() }
    }

    /// The field named by id or key. - Throws: `notFound`.
    public func field(_ reference: String, tenant: TenantID) async throws -> CustomFieldDefinition {
        guard
            let field = try await fields(tenant: tenant).first(where: {
                $0.key == reference || $0.id.description == reference
            })
        else { throw AppError.notFound("custom field") }
        return field
    }

    /// The form named by id or key. - Throws: `notFound`.
    public func form(_ reference: String, tenant: TenantID) async throws -> TicketForm {
        guard
            let form = try await forms(tenant: tenant).first(where: {
                $0.key == reference || $0.id.description == reference
            })
        else { throw AppError.notFound("ticket form") }
        return form
    }

    /// Creates a field. - Throws: `invalidInput` naming the field, `conflict` for a used key.
    public func create(_ definition: CustomFieldDefinition, actor: Actor, tenant: TenantID) async throws
        -> CustomFieldDefinition
    {
        do throws(ValidationError) { try definition.validate() } catch { throw AppError.invalid(error) }
        return try await store.transaction(tenant) { tx in
            try await tx.customFields.insert(definition)
            try await tx.events.append(
                Self.event("custom_field.created", key: definition.key, tenant: tenant, actor: actor, at: now()),
                outbox: [])
            return definition
        }
    }

    /// Replaces a field's labels, requirements, visibility, options, pattern, position or
    /// active flag. - Throws: `invalidInput` when the key or type would change.
    public func update(_ definition: CustomFieldDefinition, actor: Actor, tenant: TenantID) async throws
        -> CustomFieldDefinition
    {
        do throws(ValidationError) { try definition.validate() } catch { throw AppError.invalid(error) }
        return try await store.transaction(tenant) { tx in
            guard let existing = try await tx.customFields.definitions().first(where: { $0.id == definition.id }) else {
                throw AppError.notFound("custom field")
            }
            guard existing.key == definition.key else {
                throw AppError(.invalidInput, code: "immutable", message: "key cannot be changed", field: "key")
            }
            guard existing.type == definition.type else {
                throw AppError(.invalidInput, code: "immutable", message: "type cannot be changed", field: "type")
            }
            try await tx.customFields.update(definition)
            try await tx.events.append(
                Self.event("custom_field.updated", key: definition.key, tenant: tenant, actor: actor, at: now()),
                outbox: [])
            return definition
        }
    }

    /// Creates a form over existing fields.
    public func create(_ form: TicketForm, actor: Actor, tenant: TenantID) async throws -> TicketForm {
        try await store.transaction(tenant) { tx in
            let definitions = try await tx.customFields.definitions()
            let forms = try await tx.customFields.forms()
            try Self.validate(forms + [form], definitions: definitions)
            try await tx.customFields.insert(form, position: forms.count)
            try await tx.events.append(
                Self.event("ticket_form.created", key: form.key, tenant: tenant, actor: actor, at: now()), outbox: [])
            return form
        }
    }

    /// Replaces a form (same id and key).
    public func update(_ form: TicketForm, actor: Actor, tenant: TenantID) async throws -> TicketForm {
        try await store.transaction(tenant) { tx in
            let definitions = try await tx.customFields.definitions()
            var forms = try await tx.customFields.forms()
            guard let index = forms.firstIndex(where: { $0.id == form.id }) else {
                throw AppError.notFound("ticket form")
            }
            guard forms[index].key == form.key else {
                throw AppError(.invalidInput, code: "immutable", message: "key cannot be changed", field: "key")
            }
            forms[index] = form
            try Self.validate(forms, definitions: definitions)
            try await tx.customFields.update(form)
            try await tx.events.append(
                Self.event("ticket_form.updated", key: form.key, tenant: tenant, actor: actor, at: now()), outbox: [])
            return form
        }
    }

    static func validate(_ forms: [TicketForm], definitions: [CustomFieldDefinition]) throws {
        do throws(ValidationError) { try TicketForm.validate(forms, against: definitions) } catch {
            // The collection validator prefixes `forms[i]`; the caller sent one form.
            let field = error.field.replacingOccurrences(
                of: #"^forms\[\d+\]\.?"#, with: "", options: .regularExpression)
            throw AppError.invalid(
                ValidationError(field: field.isEmpty ? "key" : field, code: error.code, message: error.message))
        }
    }

    static func event(_ type: String, key: String, tenant: TenantID, actor: Actor, at date: Date) -> DomainEvent {
        DomainEvent(
            tenantID: tenant, type: type, subjectType: "configuration", subjectID: key, actor: actor, data: [:],
            occurredAt: date)
    }
}
