import ConciergeDomain
import Foundation
import Testing

@Suite("Routing decision")
struct RoutingDecisionTests {
    static let a = UserID("00000000-0000-0000-0000-00000000000a")!
    static let b = UserID("00000000-0000-0000-0000-00000000000b")!
    static let c = UserID("00000000-0000-0000-0000-00000000000c")!
    static let early = Date(timeIntervalSince1970: 1_700_000_000)
    static let late = Date(timeIntervalSince1970: 1_700_003_600)

    static func agent(
        _ id: UserID, _ availability: AgentAvailability = .online, capacity: Int = 10, open: Int = 0,
        skills: Set<String> = [], regions: Set<String> = [], lastAssignedAt: Date? = nil
    ) -> RoutingCandidate {
        RoutingCandidate(
            agentID: id, availability: availability, capacity: capacity, openTicketCount: open, skills: skills,
            regions: regions, lastAssignedAt: lastAssignedAt)
    }

    @Test(
        arguments: [
            (nil, b, "starts at the lowest eligible id"), (a, b, "cursor on an away agent"), (b, c, "next id"),
            (c, b, "wraps, skipping the away agent"),
            (UserID("00000000-0000-0000-0000-0000000000bb")!, b, "cursor on a departed agent past the end"),
        ] as [(UserID?, UserID, String)])
    func roundRobinTakesTheNextEligibleAgentAfterTheCursor(cursor: UserID?, expected: UserID, _: String) {
        // given: b is listed first and a is away, so order comes from ids and eligibility.
        let candidates = [Self.agent(Self.c), Self.agent(Self.a, .away), Self.agent(Self.b)]
        // when
        let decision = RoutingDecision.choose(method: .roundRobin, candidates: candidates, lastAssignedCursor: cursor)
        // then
        #expect(decision == RoutingDecision(agentID: expected, reason: .roundRobin, cursor: expected))
    }

    @Test
    func roundRobinRotatesThroughEveryEligibleAgent() {
        // given
        let candidates = [Self.agent(Self.a), Self.agent(Self.b), Self.agent(Self.c)]
        var cursor: UserID?
        var chosen: [UserID] = []
        // when
        for _ in 0..<4 {
            let decision = RoutingDecision.choose(
                method: .roundRobin, candidates: candidates, lastAssignedCursor: cursor)
            chosen.append(decision.agentID!)
            cursor = decision.cursor
        }
        // then
        #expect(chosen == [Self.a, Self.b, Self.c, Self.a])
    }

    @Test(
        arguments: [
            ([agent(a, open: 5), agent(b, open: 2), agent(c, open: 9)], b, "fewest open"),
            ([agent(a, capacity: 10, open: 5), agent(b, capacity: 4, open: 3)], a, "lowest share, not count"),
            ([agent(a, capacity: 3, open: 1), agent(b, capacity: 6, open: 2)], a, "equal share: lower id"),
            (
                [agent(a, open: 1, lastAssignedAt: late), agent(b, open: 1, lastAssignedAt: early)], b,
                "equal share: longest wait"
            ),
            ([agent(a, open: 1, lastAssignedAt: early), agent(b, open: 1)], b, "never assigned waits longest"),
            ([agent(a, open: 0), agent(b, .offline, open: 0), agent(c, open: 1)], a, "offline ignored"),
            ([agent(a, capacity: 2, open: 2), agent(b, capacity: 5, open: 4)], b, "full agent ignored"),
        ] as [([RoutingCandidate], UserID, String)])
    func leastLoadedPicksTheLowestShareOfCapacityWithStableTieBreaks(
        candidates: [RoutingCandidate], expected: UserID, _: String
    ) {
        let decision = RoutingDecision.choose(method: .leastLoaded, candidates: candidates, lastAssignedCursor: Self.c)
        #expect(decision == RoutingDecision(agentID: expected, reason: .leastLoaded, cursor: Self.c))
    }

    @Test(
        arguments: [
            (
                [agent(a, skills: ["printer"]), agent(b, open: 1, skills: ["printer", "english"])],
                Set(["printer", "english"]),
                nil, b, RoutingDecision.Reason.skills
            ),
            (
                [
                    agent(a, skills: ["printer"], regions: ["north"]),
                    agent(b, open: 5, skills: ["printer"], regions: ["east"]),
                ],
                Set(["printer"]), "east", b, .skillsAndRegion
            ),
            (
                [agent(a, open: 3, skills: ["printer"], regions: ["north"]), agent(b, open: 1, skills: ["printer"])],
                Set(["printer"]), "east", b, .skills
            ),
            ([agent(a, open: 2), agent(b, open: 1)], Set<String>(), nil, b, .skills),
            (
                [
                    agent(a, skills: ["printer"], regions: ["east"]),
                    agent(b, open: 9, skills: ["printer", "x"], regions: ["east"]),
                ],
                Set(["printer"]), "east", a, .skillsAndRegion
            ),
        ] as [([RoutingCandidate], Set<String>, String?, UserID, RoutingDecision.Reason)])
    func skillsRequiresEverySkillPrefersTheRegionThenLeastLoaded(
        candidates: [RoutingCandidate], skills: Set<String>, region: String?, expected: UserID,
        reason: RoutingDecision.Reason
    ) {
        let decision = RoutingDecision.choose(
            method: .skills, candidates: candidates, ticketSkills: skills, ticketRegion: region)
        #expect(decision.agentID == expected)
        #expect(decision.reason == reason)
    }

    @Test(
        arguments: [
            (RoutingMethod.manual, [agent(a)], RoutingDecision.Reason.manual),
            (.roundRobin, [], .noCandidates),
            (.leastLoaded, [agent(a, .away), agent(b, .offline)], .nobodyOnline),
            (.roundRobin, [agent(a, capacity: 2, open: 2), agent(b, .away)], .allAtCapacity),
            (.leastLoaded, [agent(a, capacity: 0)], .allAtCapacity),
            (
                .skills, [agent(a, skills: ["printer"]), agent(b, .away, skills: ["printer", "english"])],
                .noAgentWithSkills
            ),
        ] as [(RoutingMethod, [RoutingCandidate], RoutingDecision.Reason)])
    func nobodyIsChosenWhenNobodyIsEligibleAndTheReasonSaysWhy(
        method: RoutingMethod, candidates: [RoutingCandidate], reason: RoutingDecision.Reason
    ) {
        // when
        let decision = RoutingDecision.choose(
            method: method, candidates: candidates, ticketSkills: ["printer", "english"], lastAssignedCursor: Self.a)
        // then
        #expect(decision == RoutingDecision(agentID: nil, reason: reason, cursor: Self.a))
    }

    @Test(arguments: RoutingMethod.allCases)
    func methodsAreWrittenInSnakeCase(_ method: RoutingMethod) throws {
        let json = try JSONEncoder().encode(method)
        #expect(try JSONDecoder().decode(RoutingMethod.self, from: json) == method)
        #expect(!String(decoding: json, as: UTF8.self).contains { $0.isUppercase })
    }
}
