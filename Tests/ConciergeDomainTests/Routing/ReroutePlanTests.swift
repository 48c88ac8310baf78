import ConciergeDomain
import Foundation
import Testing

@Suite("Re-routing an offline agent's tickets")
struct ReroutePlanTests {
    typealias R = RoutingDecisionTests
    static let now = Date(timeIntervalSince1970: 1_700_010_000)
    static let offline = UserID("00000000-0000-0000-0000-0000000000ff")!

    static func ticket(_ number: Int, _ status: TicketStatus = .open, skills: Set<String> = []) -> RerouteTicket {
        RerouteTicket(
            ticketID: TicketID(String(format: "00000000-0000-0000-0000-%012d", number))!, status: status,
            requiredSkills: skills)
    }

    static func plan(
        _ policy: ReroutePolicy, _ tickets: [RerouteTicket], method: RoutingMethod = .leastLoaded,
        candidates: [RoutingCandidate] = [R.agent(R.a), R.agent(R.b, open: 1)], cursor: UserID? = nil
    ) -> ReroutePlan {
        ReroutePlan.make(
            policy: policy, offlineAgent: offline, tickets: tickets, method: method, candidates: candidates,
            cursor: cursor, now: now)
    }

    @Test
    func keepLeavesEveryTicketWithTheAgent() {
        let plan = Self.plan(.keep, [Self.ticket(1), Self.ticket(2, .new)])
        #expect(plan.entries.map(\.action) == [.keep, .keep])
    }

    @Test
    func unassignReturnsNewAndOpenTicketsToTheQueue() {
        let plan = Self.plan(.unassign, [Self.ticket(1), Self.ticket(2, .new), Self.ticket(3, .pending)])
        #expect(plan.entries.map(\.action) == [.unassign, .unassign, .keep])
    }

    @Test(arguments: [TicketStatus.pending, .onHold, .solved, .closed])
    func ticketsWaitingOnSomeoneElseOrDoneStay(_ status: TicketStatus) {
        let plan = Self.plan(.reroute, [Self.ticket(1, status)])
        #expect(plan.entries == [ReroutePlan.Entry(ticketID: Self.ticket(1).ticketID, action: .keep)])
    }

    @Test
    func rerouteSpreadsABatchCountingEachAssignment() {
        // given: a has 0 open, b has 1, both capacity 10.
        let tickets = (1...4).map { Self.ticket($0) }
        // when
        let plan = Self.plan(.reroute, tickets)
        // then: a; the tie at 1 each goes to b (never assigned); a; the tie at 2 goes to b (waited longer).
        #expect(plan.entries.map(\.action) == [.reassign(R.a), .reassign(R.b), .reassign(R.a), .reassign(R.b)])
        #expect(plan.entries.allSatisfy { $0.reason == .leastLoaded })
    }

    @Test
    func rerouteNeverChoosesTheOfflineAgent() {
        // given: the offline agent is still listed as online with no load.
        let candidates = [R.agent(Self.offline), R.agent(R.a, open: 8)]
        // when
        let plan = Self.plan(.reroute, [Self.ticket(1)], candidates: candidates)
        // then
        #expect(plan.entries.map(\.action) == [.reassign(R.a)])
    }

    @Test
    func rerouteByRoundRobinAdvancesTheCursor() {
        let plan = Self.plan(
            .reroute, [Self.ticket(1), Self.ticket(2), Self.ticket(3)], method: .roundRobin, cursor: R.a)
        #expect(plan.entries.map(\.action) == [.reassign(R.b), .reassign(R.a), .reassign(R.b)])
        #expect(plan.cursor == R.b)
    }

    @Test
    func aTicketNobodyCanTakeGoesBackToTheQueue() {
        // given
        let candidates = [R.agent(R.a, capacity: 1, skills: ["printer"])]
        // when
        let plan = Self.plan(
            .reroute,
            [Self.ticket(1, skills: ["printer"]), Self.ticket(2, skills: ["printer"]), Self.ticket(3, skills: ["x"])],
            method: .skills, candidates: candidates)
        // then
        #expect(
            plan.entries.map(\.action) == [.reassign(R.a), .unassign, .unassign])
        #expect(plan.entries.map(\.reason) == [.skills, .allAtCapacity, .allAtCapacity])
    }

    @Test
    func manualGroupsReturnTicketsToTheQueue() {
        let plan = Self.plan(.reroute, [Self.ticket(1)], method: .manual)
        #expect(
            plan.entries == [ReroutePlan.Entry(ticketID: Self.ticket(1).ticketID, action: .unassign, reason: .manual)])
    }
}
