import ConciergeDomain
import Foundation

/// The custom field definitions and ticket forms of each tenant, kept in memory between
/// ticket creations. An entry is used only for the exact configuration version the database
/// reports with the ticket number (see ``TenantStore/takeTicketNumber(_:)``), so a change made
/// through any replica is seen by the next create everywhere.
public final class TicketConfigurationCache: @unchecked Sendable {
    /// One tenant's configuration at one version.
    struct Entry {
        var version: Int64
        var definitions: [CustomFieldDefinition]
        var forms: [TicketForm]
    }

    // `entries` is only touched under `lock`.
    private let lock = NSLock()
    private var entries: [TenantID: Entry] = [:]
    private let capacity: Int

    /// - Parameter capacity: tenants remembered; the cache starts over when it is full.
    public init(capacity: Int = 10_000) { self.capacity = capacity }

    /// The tenant's configuration at `version`, read through `load` when not cached.
    func configuration(
        of tenant: TenantID, version: Int64,
        load: () async throws -> (definitions: [CustomFieldDefinition], forms: [TicketForm])
    ) async throws -> (definitions: [CustomFieldDefinition], forms: [TicketForm]) {
        if let entry = lock.withLock({ entries[tenant] }), entry.version == version {
            return (entry.definitions, entry.forms)
        }
        let loaded = try await load()
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            // A slower reader of an older version never replaces a newer entry.
            if let current = entries[tenant], current.version > version { return }
            entries[tenant] = Entry(version: version, definitions: loaded.definitions, forms: loaded.forms)
        }
        return loaded
    }
}
