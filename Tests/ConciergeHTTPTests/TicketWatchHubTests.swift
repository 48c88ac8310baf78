import ConciergeDomain
import Foundation
import Testing

@testable import ConciergeHTTP

/// The hub behind the ticket page's live updates: one read per tenant and interval, every
/// watching page told about a newer version, nothing kept once the pages are gone.
@Suite struct TicketWatchHubTests {
    /// Versions as the database would hold them, and how often they were read.
    actor Versions {
        var current: [TicketID: Int] = [:]
        var reads = 0
        func set(_ ticket: TicketID, _ version: Int) { current[ticket] = version }
        func read(_ ids: [TicketID]) -> [TicketID: Int] {
            reads += 1
            return current.filter { ids.contains($0.key) }
        }
    }

    @Test func everyPageWatchingATicketLearnsItsNewVersionOnce() async throws {
        // given two pages on one ticket and one on another, all at version 3
        let versions = Versions()
        let (a, b) = (TicketID(), TicketID())
        await versions.set(a, 3)
        await versions.set(b, 3)
        let hub = TicketWatchHub { _, ids in await versions.read(ids) }
        let tenant = TenantID()
        let first = await hub.watch(a, tenant: tenant, from: 3)
        let second = await hub.watch(a, tenant: tenant, from: 3)
        let other = await hub.watch(b, tenant: tenant, from: 3)
        #expect(await hub.watcherCount == 3)

        // when ticket a changes
        await versions.set(a, 4)

        // then both of its pages hear 4 within a couple of intervals; b's page hears nothing
        let heard = try await Self.next(of: first, within: .seconds(2))
        let heardToo = try await Self.next(of: second, within: .seconds(2))
        #expect(heard == 4 && heardToo == 4)
        let silence = try await Self.next(of: other, within: .milliseconds(900))
        #expect(silence == nil)
        // and one read per interval served all three pages
        let reads = await versions.reads
        #expect(reads >= 1 && reads <= 8)
    }

    @Test func aPageBehindTheLatestVersionHearsItAtOnce() async throws {
        let versions = Versions()
        let ticket = TicketID()
        await versions.set(ticket, 7)
        let hub = TicketWatchHub { _, ids in await versions.read(ids) }
        let tenant = TenantID()
        let early = await hub.watch(ticket, tenant: tenant, from: 7)
        _ = try await Self.next(of: early, within: .milliseconds(600))
        // a page that was rendered at 5, opened after the hub already knows 7
        let late = await hub.watch(ticket, tenant: tenant, from: 5)
        #expect(try await Self.next(of: late, within: .seconds(1)) == 7)
    }

    @Test func nothingIsKeptOncePagesGoAway() async throws {
        let versions = Versions()
        let hub = TicketWatchHub { _, ids in await versions.read(ids) }
        let task = Task {
            for await _ in await hub.watch(TicketID(), tenant: TenantID(), from: 1) {}
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(await hub.watcherCount == 1)
        task.cancel()
        for _ in 0..<50 where await hub.watcherCount > 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(await hub.watcherCount == 0)
    }

    /// The next element of `stream`, or `nil` when none comes within `limit`.
    static func next(of stream: AsyncStream<Int>, within limit: Duration) async throws -> Int? {
        try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask {
                var iterator = stream.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
