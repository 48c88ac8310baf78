import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

/// Automatic assignment by group and rerouting when an agent goes offline, against the real
/// database.
@Suite struct TicketRoutingTests {
    static let actor = Actor.system("test")

    struct Team {
        var tenant: TenantID
        var group: Group
        var zhang: User
        var chen: User
    }

    static func team(_ platform: Platform, method: RoutingMethod, policy: ReroutePolicy = .keep) async throws -> Team {
        let tenant = try await platform.makeTenant().tenant.id
        var agents: [User] = []
        for (email, name, skills) in [("zhang@example.cn", "张", ["cnc"]), ("chen@example.cn", "陈", ["software"])] {
            let user = try await platform.users.create(
                .init(email: email, name: name, role: .agent, password: "correct horse battery", skills: skills),
                grantedBy: .owner, actor: actor, tenant: tenant)
            _ = try await platform.presence.setPresence(
                of: user.id, availability: .online, capacity: 2, tenant: tenant)
            agents.append(user)
        }
        let group = try await platform.groups.create(
            .init(key: "service", name: "服务", memberIDs: agents.map(\.id)), actor: actor, tenant: tenant)
        _ = try await platform.presence.setRouting(
            GroupRouting(method: method, reroutePolicy: policy), of: group.id, tenant: tenant)
        return Team(tenant: tenant, group: group, zhang: agents[0], chen: agents[1])
    }

    static func ticket(_ platform: Platform, _ team: Team, tags: [String] = []) async throws -> Ticket {
        try await platform.tickets.create(
            NewTicket(
                subject: "设备报修", description: "无法开机", requester: .contact(email: "k@example.cn", phone: nil, name: nil),
                groupID: team.group.id, tags: tags),
            actor: actor, tenant: team.tenant)
    }

    @Test func roundRobinTakesTurnsAndSkipsAgentsAtCapacityOrAway() async throws {
        try await withTestPlatform { platform in
            let team = try await Self.team(platform, method: .roundRobin)
            var assignees: [UserID?] = []
            for _ in 0..<4 {
                let ticket = try await Self.ticket(platform, team)
                assignees.append(try await platform.router.route(ticket.id, tenant: team.tenant))
            }
            // two each, alternating; the fifth finds both at their capacity of two
            let ordered = [team.zhang.id, team.chen.id].sorted()
            #expect(assignees == [ordered[0], ordered[1], ordered[0], ordered[1]])
            let fifth = try await Self.ticket(platform, team)
            #expect(try await platform.router.route(fifth.id, tenant: team.tenant) == nil)
            // an agent who is away gets nothing even with room
            _ = try await platform.presence.setPresence(
                of: team.zhang.id, availability: .away, capacity: 10, tenant: team.tenant)
            _ = try await platform.presence.setPresence(
                of: team.chen.id, availability: nil, capacity: 10, tenant: team.tenant)
            #expect(try await platform.router.route(fifth.id, tenant: team.tenant) == team.chen.id)
            let routed = try await platform.tickets.get(.id(fifth.id), tenant: team.tenant)
            #expect(routed.assigneeID == team.chen.id)
        }
    }

    @Test func skillsRoutingPicksTheAgentWithTheTicketsSkill() async throws {
        try await withTestPlatform { platform in
            let team = try await Self.team(platform, method: .skills)
            let software = try await Self.ticket(platform, team, tags: ["software"])
            let cnc = try await Self.ticket(platform, team, tags: ["cnc"])
            #expect(try await platform.router.route(software.id, tenant: team.tenant) == team.chen.id)
            #expect(try await platform.router.route(cnc.id, tenant: team.tenant) == team.zhang.id)
        }
    }

    @Test func aManualGroupAndAnAssignedTicketAreLeftAlone() async throws {
        try await withTestPlatform { platform in
            let team = try await Self.team(platform, method: .manual)
            let ticket = try await Self.ticket(platform, team)
            #expect(try await platform.router.route(ticket.id, tenant: team.tenant) == nil)
            _ = try await platform.presence.setRouting(
                GroupRouting(method: .leastLoaded), of: team.group.id, tenant: team.tenant)
            let assigned = try await platform.tickets.update(
                .id(ticket.id), TicketChange(assigneeID: .some(team.zhang.id)), expectedVersion: nil,
                actor: Self.actor, tenant: team.tenant)
            #expect(try await platform.router.route(assigned.id, tenant: team.tenant) == nil)
        }
    }

    @Test func goingOfflineReroutesOpenTicketsToAColleague() async throws {
        try await withTestPlatform { platform in
            let team = try await Self.team(platform, method: .leastLoaded, policy: .reroute)
            let ticket = try await Self.ticket(platform, team)
            let first = try #require(try await platform.router.route(ticket.id, tenant: team.tenant))
            let other = first == team.zhang.id ? team.chen.id : team.zhang.id
            // when the assignee goes offline
            let moved = try await platform.presence.setPresence(
                of: first, availability: .offline, capacity: nil, tenant: team.tenant)
            // then the ticket went to the colleague, in the history as a routing change
            #expect(moved.map(\.assigneeID) == [other])
            #expect(try await platform.tickets.get(.id(ticket.id), tenant: team.tenant).assigneeID == other)
            let presence = try await platform.presence.presence(tenant: team.tenant)
            #expect(presence.first { $0.user.id == first }?.presence.availability == .offline)
        }
    }

    @Test func goingOfflineUnassignsWhenTheGroupSaysSo() async throws {
        try await withTestPlatform { platform in
            let team = try await Self.team(platform, method: .roundRobin, policy: .unassign)
            let ticket = try await Self.ticket(platform, team)
            let first = try #require(try await platform.router.route(ticket.id, tenant: team.tenant))
            let moved = try await platform.presence.setPresence(
                of: first, availability: .offline, capacity: nil, tenant: team.tenant)
            #expect(moved.count == 1 && moved.first?.assigneeID == nil)
            #expect(try await platform.tickets.get(.id(ticket.id), tenant: team.tenant).assigneeID == nil)
        }
    }

    @Test func aRuleThatUnassignsIsNotUndoneByTheRouter() async throws {
        try await withTestPlatform { platform in
            // given round robin and a (strange) trigger that takes every assigned ticket back
            let team = try await Self.team(platform, method: .roundRobin)
            _ = try await platform.rules.saveTrigger(
                try JSONDecoder().decode(
                    Trigger.self,
                    from: Data(
                        #"""
                        {"key":"unassign","title":{"zh_cn":"x","en":"x"},"events":["ticket_updated"],
                         "conditions":{"all":[{"field":"assignee_id","operator":"present"}]},
                         "actions":[{"action":"set_assignee","value":null}]}
                        """#.utf8)), actor: Self.actor, tenant: team.tenant)
            let ticket = try await Self.ticket(platform, team)
            let history = { () async throws -> [RecordedEvent] in
                try await platform.store.transaction(team.tenant) { tx in
                    try await tx.events.history(subjectType: "ticket", subjectID: ticket.id.description)
                }
            }
            // when the router assigns it and the trigger takes it back
            #expect(try await platform.router.route(ticket.id, tenant: team.tenant) != nil)
            let routed = try #require(try await history().last)
            try await TriggerRunner(store: platform.store, logger: platform.logger).run(
                eventID: routed.event.id, tenant: team.tenant)
            let unassigned = try #require(try await history().last)
            #expect(unassigned.event.actor == .system("rules"))
            // then the router leaves the rule's decision alone: no ping-pong
            let payload = #"{"event_id":"\#(unassigned.event.id)","type":"ticket.updated","ticket_id":"\#(ticket.id)"}"#
            let lease = LeasedJob(
                job: Job(name: EventDispatchJob.jobName, tenantID: team.tenant, payload: payload), queue: "events",
                attempt: 1, leaseToken: "t", enqueuedAt: Date())
            try await EventDispatchJob(store: platform.store, subscribers: [platform.router])
                .handle(lease, context: JobContext(workerID: "test", logger: platform.logger))
            #expect(try await platform.tickets.get(.id(ticket.id), tenant: team.tenant).assigneeID == nil)
        }
    }
}
