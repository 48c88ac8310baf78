import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

/// SLA clocks against the real database: computed from a ticket's history, stored, and fired
/// by the scheduler exactly once.
@Suite struct SLATrackerTests {
    static let policy = #"""
        {"key":"standard","title":{"zh_cn":"标准","en":"Standard"},"warning":{"minutes_before":10},
         "targets":{"first_reply":{"normal":{"minutes":60,"business_hours":false}},
                    "requester_wait":{"normal":{"minutes":90,"business_hours":false}},
                    "resolution":{"normal":{"minutes":480,"business_hours":false}}}}
        """#
    static let actor = Actor.system("test")

    /// A ticket under the standard policy, and trackers whose clock reads `minutes` after its creation.
    static func ticketUnderPolicy(_ platform: Platform) async throws -> (TenantID, Ticket) {
        let tenant = try await platform.makeTenant().tenant.id
        let policy = try JSONDecoder().decode(SLAPolicy.self, from: Data(Self.policy.utf8))
        _ = try await platform.serviceLevels.savePolicy(policy, actor: actor, tenant: tenant)
        let ticket = try await platform.tickets.create(
            NewTicket(
                subject: "打印机卡纸", description: "第二个纸盒",
                requester: .contact(email: "li@example.cn", phone: nil, name: "李")),
            actor: actor, tenant: tenant)
        return (tenant, ticket)
    }

    static func tracker(_ platform: Platform, at date: Date) -> SLATracker {
        SLATracker(store: platform.store, now: { date })
    }

    static func events(_ type: String, of ticket: Ticket, _ platform: Platform) async throws -> [RecordedEvent] {
        try await platform.store.transaction(ticket.tenantID) { tx in
            try await tx.events.history(subjectType: "ticket", subjectID: ticket.id.description)
        }.filter { $0.event.type == type }
    }

    @Test func theClocksFollowThePolicyFromCreation() async throws {
        try await withTestPlatform { platform in
            // given a new ticket under a policy
            let (tenant, ticket) = try await Self.ticketUnderPolicy(platform)
            // when the worker computes its clocks
            try await Self.tracker(platform, at: ticket.createdAt.addingTimeInterval(60)).refresh(
                ticket.id, tenant: tenant)
            // then each metric has its target, and the API's reader sees them
            let targets = try await platform.serviceLevels.targets(of: .id(ticket.id), tenant: tenant)
            let byMetric = Dictionary(uniqueKeysWithValues: targets.map { ($0.state.metric, $0) })
            #expect(Set(byMetric.keys) == [.firstReply, .requesterWait, .resolution])
            let firstReply = try #require(byMetric[.firstReply])
            #expect(abs(firstReply.state.targetAt.timeIntervalSince(ticket.createdAt) - 3600) < 1)
            #expect(abs(firstReply.state.warningAt.timeIntervalSince(ticket.createdAt) - 3000) < 1)
            #expect(firstReply.policyKey == "standard" && firstReply.state.status == .active)
        }
    }

    @Test func breachFiresOnceWhenTwoSchedulersRun() async throws {
        try await withTestPlatform { platform in
            // given a ticket whose first reply is 61 minutes late (its warning came due too)
            let (tenant, ticket) = try await Self.ticketUnderPolicy(platform)
            let late = ticket.createdAt.addingTimeInterval(61 * 60)
            try await Self.tracker(platform, at: late).refresh(ticket.id, tenant: tenant)
            // when two schedulers fire what is due at the same time
            async let first = Self.tracker(platform, at: late).fireDue(tenant: tenant)
            async let second = Self.tracker(platform, at: late).fireDue(tenant: tenant)
            let fired = try await first + second
            // then the breach fired exactly once, and the warning (overtaken) never
            #expect(fired == 1)
            let breaches = try await Self.events("ticket.sla_breached", of: ticket, platform)
            #expect(breaches.count == 1)
            #expect(breaches.first?.event.data["metric"] == .string("first_reply"))
            #expect(try await Self.events("ticket.sla_warning", of: ticket, platform).isEmpty)
            // and a later pass (a restarted scheduler) fires nothing again
            #expect(try await Self.tracker(platform, at: late.addingTimeInterval(5)).fireDue(tenant: tenant) == 0)
        }
    }

    @Test func theWarningFiresBeforeTheBreachAndEachOnce() async throws {
        try await withTestPlatform { platform in
            let (tenant, ticket) = try await Self.ticketUnderPolicy(platform)
            try await Self.tracker(platform, at: ticket.createdAt).refresh(ticket.id, tenant: tenant)
            // when the scheduler passes at 55 minutes, again at 56, then at 61
            let at55 = try await Self.tracker(platform, at: ticket.createdAt.addingTimeInterval(55 * 60))
                .fireDue(tenant: tenant)
            let at56 = try await Self.tracker(platform, at: ticket.createdAt.addingTimeInterval(56 * 60))
                .fireDue(tenant: tenant)
            let at61 = try await Self.tracker(platform, at: ticket.createdAt.addingTimeInterval(61 * 60))
                .fireDue(tenant: tenant)
            // then one warning, then one breach
            let passes: [Int] = [at55, at56, at61]
            #expect(passes == [1, 0, 1])
            #expect(try await Self.events("ticket.sla_warning", of: ticket, platform).count == 1)
            #expect(try await Self.events("ticket.sla_breached", of: ticket, platform).count == 1)
        }
    }

    @Test func aPublicAgentReplyFulfilsTheFirstReplyAndNothingFires() async throws {
        try await withTestPlatform { platform in
            let (tenant, ticket) = try await Self.ticketUnderPolicy(platform)
            // given clocks computed at creation, then an agent's public reply the worker has not seen yet
            try await Self.tracker(platform, at: ticket.createdAt).refresh(ticket.id, tenant: tenant)
            _ = try await platform.conversation.add(
                .init(body: "您好，我们马上处理。", isPublic: true), to: .id(ticket.id), author: .system("agent"),
                actor: Self.actor, tenant: tenant)
            // when the scheduler passes after the first-reply target
            let late = ticket.createdAt.addingTimeInterval(61 * 60)
            let fired = try await Self.tracker(platform, at: late).fireDue(tenant: tenant)
            try await Self.tracker(platform, at: late).refresh(ticket.id, tenant: tenant)
            // then the scheduler saw the stale clock, recomputed it: nothing fired, first reply is fulfilled
            #expect(fired == 0)
            let targets = try await platform.serviceLevels.targets(of: .id(ticket.id), tenant: tenant)
            #expect(targets.first { $0.state.metric == .firstReply }?.state.fulfilledAt != nil)
        }
    }

    @Test func aPendingTicketPausesRequesterWaitSoItDoesNotBreach() async throws {
        try await withTestPlatform { platform in
            let (tenant, ticket) = try await Self.ticketUnderPolicy(platform)
            // given the ticket waits on the customer from the start
            _ = try await platform.tickets.update(
                .id(ticket.id), TicketChange(status: .pending), expectedVersion: nil, actor: Self.actor, tenant: tenant)
            // when the scheduler passes two hours later (requester wait's target is 90 minutes)
            let later = ticket.createdAt.addingTimeInterval(120 * 60)
            try await Self.tracker(platform, at: later).refresh(ticket.id, tenant: tenant)
            _ = try await Self.tracker(platform, at: later).fireDue(tenant: tenant)
            // then requester wait is paused, never breached; first reply (not paused) did breach
            let targets = try await platform.serviceLevels.targets(of: .id(ticket.id), tenant: tenant)
            let wait = try #require(targets.first { $0.state.metric == .requesterWait })
            #expect(wait.state.status == .paused && wait.breachFiredAt == nil)
            let breaches = try await Self.events("ticket.sla_breached", of: ticket, platform)
            #expect(breaches.map { $0.event.data["metric"] } == [.string("first_reply")])
        }
    }

    @Test func aTenantWithoutPoliciesHasNoClocks() async throws {
        try await withTestPlatform { platform in
            let tenant = try await platform.makeTenant().tenant.id
            let ticket = try await platform.tickets.create(
                NewTicket(
                    subject: "咨询", description: "价格", requester: .contact(email: "a@b.cn", phone: nil, name: nil)),
                actor: Self.actor, tenant: tenant)
            try await Self.tracker(platform, at: .now).refresh(ticket.id, tenant: tenant)
            #expect(try await platform.serviceLevels.targets(of: .id(ticket.id), tenant: tenant).isEmpty)
        }
    }

    @Test func aChangedPolicyIsAppliedToOpenTicketsByTheRecomputeJob() async throws {
        try await withTestPlatform { platform in
            // given a ticket tracked under a one-hour first-reply target
            let (tenant, ticket) = try await Self.ticketUnderPolicy(platform)
            try await platform.slaTracker.refresh(ticket.id, tenant: tenant)
            // when the policy's target becomes two hours
            let longer = try JSONDecoder().decode(
                SLAPolicy.self,
                from: Data(Self.policy.replacingOccurrences(of: #""minutes":60"#, with: #""minutes":120"#).utf8))
            _ = try await platform.serviceLevels.savePolicy(longer, actor: Self.actor, tenant: tenant)
            // then the change scheduled a recomputation, which moves the target
            let outbox = try await platform.store.transaction(tenant) { tx in
                try await tx.events.list(before: nil, limit: 5, subjectType: "configuration", subjectID: "standard")
            }
            #expect(outbox.first?.event.type == "sla_policy.saved")
            let job = Job(name: SLARecomputeJob.jobName, tenantID: tenant)
            let handler = try #require(platform.jobHandlers.first { $0.name == SLARecomputeJob.jobName })
            try await handler.handle(
                LeasedJob(job: job, queue: "default", attempt: 1, leaseToken: "t", enqueuedAt: .now),
                context: JobContext(workerID: "test", logger: platform.logger))
            let targets = try await platform.serviceLevels.targets(of: .id(ticket.id), tenant: tenant)
            let firstReply = try #require(targets.first { $0.state.metric == .firstReply })
            #expect(abs(firstReply.state.targetAt.timeIntervalSince(ticket.createdAt) - 7200) < 1)
        }
    }
}
