import ConciergeCore
import ConciergeDomain
import Foundation

/// Tells open ticket pages when their ticket changed, for the workspace's live updates.
///
/// One hub per API process. While pages watch, it reads the watched tickets' versions every
/// ``interval`` — one small query per tenant with watchers, however many pages are open — and
/// yields the new version to every page watching a ticket whose version moved. With nobody
/// watching it does nothing. A change therefore reaches a page within about one interval on
/// every replica, without a message bus between them.
actor TicketWatchHub {
    /// How often the watched versions are read.
    static let interval: Duration = .milliseconds(400)

    /// Reads the current versions of some of a tenant's tickets (missing ones are left out).
    typealias VersionReader = @Sendable (TenantID, [TicketID]) async throws -> [TicketID: Int]

    private struct Watcher {
        let id: UUID
        let continuation: AsyncStream<Int>.Continuation
    }

    private let read: VersionReader
    private var watchers: [TenantID: [TicketID: [Watcher]]] = [:]
    private var known: [TenantID: [TicketID: Int]] = [:]
    private var poller: Task<Void, Never>?

    init(read: @escaping VersionReader) {
        self.read = read
    }

    /// The versions `ticket` takes from now on, starting after `version` (the one the page shows).
    /// The stream ends when the page goes away (the caller stops iterating).
    func watch(_ ticket: TicketID, tenant: TenantID, from version: Int) -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let watcher = Watcher(id: UUID(), continuation: continuation)
        watchers[tenant, default: [:]][ticket, default: []].append(watcher)
        if let current = known[tenant]?[ticket], current > version { continuation.yield(current) }
        known[tenant, default: [:]][ticket] = max(known[tenant]?[ticket] ?? version, version)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(watcher.id, ticket: ticket, tenant: tenant) }
        }
        if poller == nil {
            poller = Task { [weak self] in await self?.poll() }
        }
        return stream
    }

    /// How many pages watch, for tests.
    var watcherCount: Int { watchers.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } } }

    private func remove(_ id: UUID, ticket: TicketID, tenant: TenantID) {
        watchers[tenant]?[ticket]?.removeAll { $0.id == id }
        if watchers[tenant]?[ticket]?.isEmpty == true {
            watchers[tenant]?[ticket] = nil
            known[tenant]?[ticket] = nil
        }
        if watchers[tenant]?.isEmpty == true {
            watchers[tenant] = nil
            known[tenant] = nil
        }
    }

    private func poll() async {
        while !Task.isCancelled, !watchers.isEmpty {
            for (tenant, tickets) in watchers {
                guard let versions = try? await read(tenant, Array(tickets.keys)) else { continue }
                publish(versions, tenant: tenant)
            }
            try? await Task.sleep(for: Self.interval)
        }
        poller = nil
    }

    private func publish(_ versions: [TicketID: Int], tenant: TenantID) {
        for (ticket, version) in versions where version > (known[tenant]?[ticket] ?? .max) {
            known[tenant]?[ticket] = version
            for watcher in watchers[tenant]?[ticket] ?? [] { watcher.continuation.yield(version) }
        }
    }
}
