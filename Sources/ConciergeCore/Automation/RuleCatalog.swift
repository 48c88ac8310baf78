import ConciergeDomain
import Foundation

/// Administering triggers and time-based automations. Each is saved whole under its key (PUT
/// semantics, as in `Tenants/<slug>` YAML) after compiling it against the tenant's custom
/// fields and checking that the users and groups its actions name exist.
public struct RuleCatalog: Sendable {
    let store: any TenantStore
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.now = now
    }

    public func triggers(tenant: TenantID) async throws -> [Trigger] {
        try await store.transaction(tenant) { try await $0.rules.triggers() }
    }

    public func automations(tenant: TenantID) async throws -> [Automation] {
        try await store.transaction(tenant) { try await $0.rules.automations() }
    }

    /// - Returns: the trigger and whether it was new. - Throws: `invalidInput` naming the path.
    public func saveTrigger(_ trigger: Trigger, actor: Actor, tenant: TenantID) async throws
        -> (trigger: Trigger, created: Bool)
    {
        let at = now()
        return try await store.transaction(tenant) { tx in
            var trigger = trigger
            trigger.actions = try await Self.resolved(trigger.actions, tx: tx)
            let fields = CustomFieldValues(definitions: try await tx.customFields.definitions())
            do throws(ValidationError) { _ = try trigger.compiled(customFields: fields) } catch {
                throw AppError.invalid(error)
            }
            let created = try await tx.rules.saveTrigger(trigger, at: at)
            try await tx.events.append(
                FieldCatalog.event("trigger.saved", key: trigger.key, tenant: tenant, actor: actor, at: at), outbox: [])
            return (trigger, created)
        }
    }

    /// - Returns: the automation and whether it was new. - Throws: `invalidInput` naming the path.
    public func saveAutomation(_ automation: Automation, actor: Actor, tenant: TenantID) async throws
        -> (automation: Automation, created: Bool)
    {
        let at = now()
        return try await store.transaction(tenant) { tx in
            var automation = automation
            automation.actions = try await Self.resolved(automation.actions, tx: tx)
            let fields = CustomFieldValues(definitions: try await tx.customFields.definitions())
            do throws(ValidationError) { _ = try automation.compiled(customFields: fields) } catch {
                throw AppError.invalid(error)
            }
            let created = try await tx.rules.saveAutomation(automation, at: at)
            try await tx.events.append(
                FieldCatalog.event("automation.saved", key: automation.key, tenant: tenant, actor: actor, at: at),
                outbox: [])
            return (automation, created)
        }
    }

    /// - Throws: `notFound`.
    public func deleteTrigger(key: String, actor: Actor, tenant: TenantID) async throws {
        let at = now()
        try await store.transaction(tenant) { tx in
            guard try await tx.rules.deleteTrigger(key: key) else { throw AppError.notFound("trigger") }
            try await tx.events.append(
                FieldCatalog.event("trigger.deleted", key: key, tenant: tenant, actor: actor, at: at), outbox: [])
        }
    }

    /// - Throws: `notFound`.
    public func deleteAutomation(key: String, actor: Actor, tenant: TenantID) async throws {
        let at = now()
        try await store.transaction(tenant) { tx in
            guard try await tx.rules.deleteAutomation(key: key) else { throw AppError.notFound("automation") }
            try await tx.events.append(
                FieldCatalog.event("automation.deleted", key: key, tenant: tenant, actor: actor, at: at), outbox: [])
        }
    }

    /// The actions with every user and group they name as an id: a group may be named by its
    /// key and a user by their email (as tenant YAML does), an id must exist.
    /// - Throws: `invalidInput` naming `actions[i].value` or `actions[i].to`.
    static func resolved(_ actions: [RuleAction], tx: any TenantTransaction) async throws -> [RuleAction] {
        var result = actions
        for (index, action) in actions.enumerated() {
            let field = action.namesRecipients ? "to" : "value"
            let names = action.namesRecipients ? action.to : action.value
            switch action.referenceKind {
            case .user?:
                let ids = try await RuleAction.rewrite(names, path: "actions[\(index)].\(field)") { name in
                    if let id = UserID(name) { return try await tx.users.find(id: id)?.id.description }
                    return try await tx.users.find(email: name.lowercased())?.id.description
                }
                result[index].setNames(ids)
            case .group?:
                let ids = try await RuleAction.rewrite(names, path: "actions[\(index)].\(field)") { name in
                    if let id = GroupID(name) { return try await tx.groups.find(id: id)?.id.description }
                    return try await tx.groups.find(key: name)?.id.description
                }
                result[index].setNames(ids)
            case nil: continue
            }
        }
        return result
    }
}

extension RuleAction {
    enum ReferenceKind { case user, group }

    /// Whether the action names users or groups, and where: notifications in `to`, the
    /// assignment actions in `value`.
    var referenceKind: ReferenceKind? {
        switch action {
        case Name.setAssignee.rawValue, Name.notifyUsers.rawValue: .user
        case Name.setGroup.rawValue, Name.notifyGroups.rawValue: .group
        default: nil
        }
    }

    var namesRecipients: Bool { action == Name.notifyUsers.rawValue || action == Name.notifyGroups.rawValue }

    /// Replaces the names this action carries with `ids` (same shape: one value or a list).
    mutating func setNames(_ ids: JSONValue?) {
        if namesRecipients { to = ids } else { value = ids }
    }

    /// Maps each name in `json` (a string or a list of strings) through `lookup`.
    static func rewrite(_ json: JSONValue?, path: String, _ lookup: (String) async throws -> String?) async throws
        -> JSONValue?
    {
        func one(_ name: String) async throws -> JSONValue {
            guard let id = try await lookup(name) else {
                throw AppError(
                    .invalidInput, code: "unknown_reference", message: "names nothing in this tenant: \(name)",
                    field: path)
            }
            return .string(id)
        }
        switch json {
        case .string(let name)?: return try await one(name)
        case .array(let names)?:
            var ids: [JSONValue] = []
            for name in names { ids.append(name.stringValue == nil ? name : try await one(name.stringValue ?? "")) }
            return .array(ids)
        default: return json
        }
    }
}
