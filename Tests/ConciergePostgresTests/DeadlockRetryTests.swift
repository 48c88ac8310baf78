import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

/// Two transactions that lock the same rows in opposite order: Postgres aborts one to break the
/// cycle, and the store runs that one again, so both commit.
@Suite struct DeadlockRetryTests {
    /// Counts the runs of each body and lets the first runs meet once both hold their first lock.
    actor Rendezvous {
        private(set) var runs = 0
        private var arrived = 0

        func run() -> Int {
            runs += 1
            return runs
        }

        /// The first two runs wait for each other; later runs pass at once.
        func meet() async {
            arrived += 1
            while arrived < 2 { try? await Task.sleep(for: .milliseconds(10)) }
        }
    }

    @Test func aDeadlocksVictimRunsAgainAndBothCommit() async throws {
        try await withTestPlatform { platform in
            let tenant = try await platform.makeTenant().tenant.id
            var tickets: [Ticket] = []
            for subject in ["甲", "乙"] {
                tickets.append(
                    try await platform.tickets.create(
                        NewTicket(
                            subject: subject, description: "…",
                            requester: .contact(email: "a@example.cn", phone: nil, name: "A")),
                        actor: .system("t"), tenant: tenant))
            }
            let rendezvous = Rendezvous()
            let (first, second) = (tickets[0].id, tickets[1].id)
            func crossing(_ one: TicketID, _ other: TicketID) async throws -> Bool {
                try await platform.store.transaction(tenant) { tx in
                    let run = await rendezvous.run()
                    _ = try await tx.tickets.lock(id: one)
                    if run <= 2 { await rendezvous.meet() }
                    return try await tx.tickets.lock(id: other) != nil
                }
            }
            async let a = crossing(first, second)
            async let b = crossing(second, first)
            let (lockedA, lockedB) = try await (a, b)
            #expect(lockedA && lockedB)
            #expect(await rendezvous.runs == 3)  // the victim ran twice
        }
    }
}
