import ConciergeDomain
import Foundation

/// Teams and skill groups of a tenant and their members.
public struct GroupAdministration: Sendable {
    /// A group to create or the fields to change (`nil` keeps the current value).
    public struct Draft: Sendable {
        public var key: String?
        public var name: String?
        public var description: String?
        public var memberIDs: [UserID]?

        public init(key: String? = nil, name: String? = nil, description: String? = nil, memberIDs: [UserID]? = nil) {
            self.key = key
            self.name = name
            self.description = description
            self.memberIDs = memberIDs
        }
    }

    let store: any TenantStore
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.now = now
    }

    public func list(tenant: TenantID) async throws -> [Group] {
        try await store.transaction(tenant) { try await $0.groups.list() }
    }

    public func get(_ id: GroupID, tenant: TenantID) async throws -> Group {
        guard let group = try await store.transaction(tenant, { try await $0.groups.find(id: id) }) else {
            throw AppError.notFound("group")
        }
        return group
    }

    /// Creates a group; `key` and `name` are required.
    public func create(_ draft: Draft, actor: Actor, tenant: TenantID) async throws -> Group {
        let key: String
        let name: String
        do throws(ValidationError) {
            guard let rawKey = draft.key else {
                throw ValidationError(field: "key", code: "required", message: "is required")
            }
            key = try Validate.key(rawKey, field: "key")
            name = try Validate.displayName(draft.name ?? "", field: "name")
        } catch { throw AppError.invalid(error) }
        let createdAt = now()
        let group = Group(
            id: GroupID(), tenantID: tenant, key: key, name: name, description: draft.description ?? "",
            memberIDs: Array(Set(draft.memberIDs ?? [])).sorted(), createdAt: createdAt, updatedAt: createdAt)
        return try await store.transaction(tenant) { tx in
            try await tx.groups.insert(group)
            if !group.memberIDs.isEmpty { try await tx.groups.setMembers(group.memberIDs, of: group.id) }
            try await tx.events.append(
                Self.event("group.created", group, actor: actor, data: ["key": .string(key)]), outbox: [])
            return group
        }
    }

    /// Changes name, description or members (the key is immutable: configuration refers to it).
    public func update(_ id: GroupID, _ draft: Draft, actor: Actor, tenant: TenantID) async throws -> Group {
        let name: String?
        do throws(ValidationError) {
            if draft.key != nil {
                throw ValidationError(field: "key", code: "immutable", message: "cannot be changed after creation")
            }
            if let raw = draft.name { name = try Validate.displayName(raw, field: "name") } else { name = nil }
        } catch { throw AppError.invalid(error) }
        let changedAt = now()
        return try await store.transaction(tenant) { tx in
            guard let before = try await tx.groups.find(id: id) else { throw AppError.notFound("group") }
            var after = before
            if let name { after.name = name }
            if let description = draft.description { after.description = description }
            if let members = draft.memberIDs { after.memberIDs = Array(Set(members)).sorted() }
            guard after != before else { return before }
            after.updatedAt = changedAt
            try await tx.groups.update(after)
            if after.memberIDs != before.memberIDs { try await tx.groups.setMembers(after.memberIDs, of: id) }
            try await tx.events.append(Self.event("group.updated", after, actor: actor, data: [:]), outbox: [])
            return after
        }
    }

    public func delete(_ id: GroupID, actor: Actor, tenant: TenantID) async throws {
        try await store.transaction(tenant) { tx in
            guard let group = try await tx.groups.find(id: id), try await tx.groups.delete(id: id) else {
                throw AppError.notFound("group")
            }
            try await tx.events.append(
                Self.event("group.deleted", group, actor: actor, data: ["key": .string(group.key)]), outbox: [])
        }
    }

    static func event(_ type: String, _ group: Group, actor: Actor, data: [String: JSONValue]) -> DomainEvent {
        DomainEvent(
            tenantID: group.tenantID, type: type, subjectType: "group", subjectID: group.id.description, actor: actor,
            data: data, occurredAt: group.updatedAt)
    }
}
