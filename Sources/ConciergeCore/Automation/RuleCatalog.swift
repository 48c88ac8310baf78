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
            let fields = CustomFieldValues(definitions: try await tx.customFields.definitions())
            do throws(ValidationError) { _ = try trigger.compiled(customFields: fields) } catch {
                throw AppError.invalid(error)
            }
            try await Self.checkReferences(trigger.actions, tx: tx)
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
            let fields = CustomFieldValues(definitions: try await tx.customFields.definitions())
            do throws(ValidationError) { _ = try automation.compiled(customFields: fields) } catch {
                throw AppError.invalid(error)
            }
            try await Self.checkReferences(automation.actions, tx: tx)
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

    /// Refuses actions naming users or groups the tenant does not have.
    static func checkReferences(_ actions: [RuleAction], tx: any TenantTransaction) async throws {
        for (index, action) in actions.enumerated() {
            for id in action.referencedUserIDs where try await tx.users.find(id: id) == nil {
                throw AppError(
                    .invalidInput, code: "unknown_user", message: "names no user of this tenant",
                    field: "actions[\(index)].\(action.action == RuleAction.Name.notifyUsers.rawValue ? "to" : "value")"
                )
            }
            for id in action.referencedGroupIDs where try await tx.groups.find(id: id) == nil {
                throw AppError(
                    .invalidInput, code: "unknown_group", message: "names no group of this tenant",
                    field:
                        "actions[\(index)].\(action.action == RuleAction.Name.notifyGroups.rawValue ? "to" : "value")")
            }
        }
    }
}

extension RuleAction {
    /// The users an action names: the assignee it sets (`value`) or whom it notifies (`to`).
    var referencedUserIDs: [UserID] {
        switch action {
        case Name.setAssignee.rawValue: Self.ids(value).compactMap(UserID.init)
        case Name.notifyUsers.rawValue: Self.ids(to).compactMap(UserID.init)
        default: []
        }
    }

    /// The groups an action names: the group it sets (`value`) or notifies (`to`).
    var referencedGroupIDs: [GroupID] {
        switch action {
        case Name.setGroup.rawValue: Self.ids(value).compactMap(GroupID.init)
        case Name.notifyGroups.rawValue: Self.ids(to).compactMap(GroupID.init)
        default: []
        }
    }

    private static func ids(_ json: JSONValue?) -> [String] {
        switch json {
        case .string(let text)?: [text]
        case .array(let values)?: values.compactMap(\.stringValue)
        default: []
        }
    }
}
