import ConciergeDomain
import Foundation

extension CustomerDirectory {
    /// Registers an asset. Without an organization it takes its customer's.
    /// - Throws: `invalidInput` naming the field (also `unknown_customer` / `unknown_organization`);
    ///   `conflict` (`serial_number_taken`) when the serial number is in use.
    public func createAsset(_ draft: AssetDraft, actor: Actor, tenant: TenantID) async throws -> Asset {
        let createdAt = now()
        let blank = Asset(id: AssetID(), tenantID: tenant, serialNumber: "", createdAt: createdAt, updatedAt: createdAt)
        let proposed = try Self.validate(draft.applied(to: blank))
        return try await store.transaction(tenant) { tx in
            var asset = proposed
            let customer = try await Self.checkReferences(of: asset, in: tx)
            if draft.organizationID == nil { asset.organizationID = customer?.organizationID }
            try await Self.checkSerialNumber(of: asset, in: tx)
            try await tx.assets.insert(asset)
            try await tx.events.append(
                Self.event(
                    "asset.created", subject: "asset", asset.id.description, tenant: tenant, actor: actor,
                    at: createdAt,
                    data: ["serial_number": .string(asset.serialNumber)]),
                outbox: [])
            return asset
        }
    }

    /// The asset with this id. - Throws: `notFound`.
    public func asset(_ id: AssetID, tenant: TenantID) async throws -> Asset {
        guard let asset = try await store.transaction(tenant, { try await $0.assets.find(id: id) }) else {
            throw AppError.notFound("asset")
        }
        return asset
    }

    /// The asset with this serial number (trimmed; exact).
    public func asset(serialNumber: String, tenant: TenantID) async throws -> Asset {
        let serial = serialNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let asset = try await store.transaction(tenant, { try await $0.assets.find(serialNumber: serial) }) else {
            throw AppError.notFound("asset")
        }
        return asset
    }

    /// A page of assets ordered by serial number.
    public func assets(_ query: AssetQuery, tenant: TenantID) async throws -> ListPage<Asset> {
        try Self.checkLimit(query.limit)
        var trimmed = query
        trimmed.serialNumber = query.serialNumber?.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await store.transaction(tenant) { [trimmed] in try await $0.assets.list(trimmed) }
    }

    /// Changes an asset.
    /// - Throws: as ``createAsset(_:actor:tenant:)``, and `notFound`.
    public func updateAsset(_ id: AssetID, _ draft: AssetDraft, actor: Actor, tenant: TenantID) async throws -> Asset {
        let changedAt = now()
        return try await store.transaction(tenant) { tx in
            guard let before = try await tx.assets.find(id: id) else { throw AppError.notFound("asset") }
            var after = try Self.validate(draft.applied(to: before))
            guard after != before else { return before }
            after.updatedAt = changedAt
            _ = try await Self.checkReferences(of: after, in: tx)
            try await Self.checkSerialNumber(of: after, in: tx)
            try await tx.assets.update(after)
            try await tx.events.append(
                Self.event(
                    "asset.updated", subject: "asset", id.description, tenant: tenant, actor: actor, at: changedAt,
                    data: ["serial_number": .string(after.serialNumber)]),
                outbox: [])
            return after
        }
    }

    /// Deletes an asset; tickets about it remain, without one.
    public func deleteAsset(_ id: AssetID, actor: Actor, tenant: TenantID) async throws {
        let deletedAt = now()
        try await store.transaction(tenant) { tx in
            guard let asset = try await tx.assets.find(id: id), try await tx.assets.delete(id: id) else {
                throw AppError.notFound("asset")
            }
            try await tx.events.append(
                Self.event(
                    "asset.deleted", subject: "asset", id.description, tenant: tenant, actor: actor, at: deletedAt,
                    data: ["serial_number": .string(asset.serialNumber)]),
                outbox: [])
        }
    }

    static func validate(_ asset: Asset) throws -> Asset {
        do throws(ValidationError) { return try asset.validated() } catch { throw AppError.invalid(error) }
    }

    /// Checks that the asset's customer and organization exist. - Returns: the customer.
    static func checkReferences(of asset: Asset, in tx: any TenantTransaction) async throws -> Customer? {
        try await checkOrganization(asset.organizationID, in: tx)
        guard let id = asset.customerID else { return nil }
        guard let customer = try await tx.customers.find(id: id) else {
            throw AppError(
                .invalidInput, code: "unknown_customer", message: "customer_id names no customer", field: "customer_id")
        }
        return customer
    }

    /// Refuses a serial number another asset has, naming the field.
    static func checkSerialNumber(of asset: Asset, in tx: any TenantTransaction) async throws {
        if let other = try await tx.assets.find(serialNumber: asset.serialNumber), other.id != asset.id {
            throw AppError(
                .conflict, code: "serial_number_taken",
                message: "serial_number \(asset.serialNumber) is registered to asset \(other.id)",
                field: "serial_number")
        }
    }
}
