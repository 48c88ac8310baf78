import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

/// Triggers and automations against the real database: evaluated on recorded events, applied
/// to the ticket with its history, notes and notifications, each exactly once.
@Suite struct RuleRunnerTests {
    static let actor = Actor.system("test")

    struct Setup {
        var tenant: TenantID
        var supervisor: User
        var group: Group
    }

    static func setup(_ platform: Platform) async throws -> Setup {
        let tenant = try await platform.makeTenant().tenant.id
        let supervisor = try await platform.users.create(
            .init(email: "zhang@example.cn", name: "张主管", role: .supervisor), grantedBy: .owner, actor: actor,
            tenant: tenant)
        let group = try await platform.groups.create(
            .init(key: "after-sales", name: "售后", memberIDs: [supervisor.id]), actor: actor, tenant: tenant)
        return Setup(tenant: tenant, supervisor: supervisor, group: group)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    static func history(of ticket: TicketID, tenant: TenantID, _ platform: Platform) async throws -> [RecordedEvent] {
        try await platform.store.transaction(tenant) { tx in
            try await tx.events.history(subjectType: "ticket", subjectID: ticket.description)
        }
    }

    static func newTicket(_ platform: Platform, _ tenant: TenantID, subject: String) async throws -> Ticket {
        try await platform.tickets.create(
            NewTicket(
                subject: subject, description: "客户来电",
                requester: .contact(email: "kh@example.cn", phone: nil, name: "王客户")),
            actor: actor, tenant: tenant)
    }

    @Test func anSLABreachEscalatesThroughATriggerToTheGroupsFeed() async throws {
        try await withTestPlatform { platform in
            // given a first-reply target of an hour and a trigger escalating its breach
            let setup = try await Self.setup(platform)
            let tenant = setup.tenant
            _ = try await platform.serviceLevels.savePolicy(
                try Self.decode(
                    SLAPolicy.self,
                    #"{"key":"std","title":{"zh_cn":"标准","en":"Standard"},"targets":{"first_reply":{"normal":{"minutes":60,"business_hours":false}}}}"#
                ), actor: Self.actor, tenant: tenant)
            _ = try await platform.rules.saveTrigger(
                try Self.decode(
                    Trigger.self,
                    #"""
                    {"key":"escalate-breach","title":{"zh_cn":"超时升级","en":"Escalate breaches"},"events":["sla_breach"],
                     "conditions":{"all":[{"field":"sla.metric","operator":"is","value":"first_reply"}]},
                     "actions":[{"action":"set_priority","value":"urgent"},{"action":"add_tags","value":["escalated"]},
                                {"action":"notify_groups","to":["\#(setup.group.id)"],
                                 "subject":"工单 #{{ticket.number}} 首次响应超时","body":"请尽快处理：{{ticket.subject}}"},
                                {"action":"add_note","body":"SLA breached; escalated to after-sales"}]}
                    """#), actor: Self.actor, tenant: tenant)
            let ticket = try await Self.newTicket(platform, tenant, subject: "打印机卡纸")
            // when the scheduler fires the breach and the worker runs the triggers on it
            let late = ticket.createdAt.addingTimeInterval(61 * 60)
            let tracker = SLATracker(store: platform.store, now: { late })
            try await tracker.refresh(ticket.id, tenant: tenant)
            #expect(try await tracker.fireDue(tenant: tenant) == 1)
            let breach = try #require(
                try await Self.history(of: ticket.id, tenant: tenant, platform).first {
                    $0.event.type == "ticket.sla_breached"
                })
            let runner = TriggerRunner(store: platform.store, logger: platform.logger)
            try await runner.run(eventID: breach.event.id, tenant: tenant)
            try await runner.run(eventID: breach.event.id, tenant: tenant)  // a redelivery
            // then the ticket is escalated once, with its history naming the trigger
            let after = try await platform.tickets.get(.id(ticket.id), tenant: tenant)
            #expect(after.priority == .urgent && after.tags.contains("escalated"))
            let events = try await Self.history(of: ticket.id, tenant: tenant, platform)
            let ruled = events.filter { $0.event.actor == .system("rules") && $0.event.type == "ticket.updated" }
            #expect(ruled.count == 1)
            #expect(ruled.first?.event.data["triggers"] == .array([.string("escalate-breach")]))
            // and the note is on the ticket, and the group's member has the notification
            let comments = try await platform.conversation.list(
                .id(ticket.id), includeInternal: true, after: nil, limit: 10, tenant: tenant)
            #expect(comments.contains { !$0.isPublic && $0.body.contains("escalated") })
            let identity = Identity(
                tenantID: tenant, role: .supervisor, userID: setup.supervisor.id, credential: .session(csrfToken: "x"))
            let feed = try await platform.notifications.feed(for: identity, before: nil, limit: 10, unreadOnly: true)
            #expect(feed.unread == 1)
            #expect(feed.notifications.first?.title == "工单 #\(ticket.number) 首次响应超时")
            #expect(feed.notifications.first?.source == "trigger:escalate-breach")
            // and the rules' own update starts no new trigger run
            try await runner.run(eventID: try #require(ruled.first).event.id, tenant: tenant)
            #expect(try await platform.tickets.get(.id(ticket.id), tenant: tenant).version == after.version)
            #expect(try await platform.notifications.markRead(for: identity, ids: nil) == 1)
        }
    }

    @Test func aTriggerMatchesAChineseKeywordOnCreation() async throws {
        try await withTestPlatform { platform in
            let setup = try await Self.setup(platform)
            _ = try await platform.rules.saveTrigger(
                try Self.decode(
                    Trigger.self,
                    #"""
                    {"key":"returns","title":{"zh_cn":"退货","en":"Returns"},"events":["ticket_created"],
                     "conditions":{"any":[{"field":"subject","operator":"contains","value":"退货"},
                                          {"field":"description","operator":"contains","value":"退货"}]},
                     "actions":[{"action":"set_group","value":"\#(setup.group.id)"},{"action":"add_tags","value":["退货"]}]}
                    """#), actor: Self.actor, tenant: setup.tenant)
            let runner = TriggerRunner(store: platform.store, logger: platform.logger)
            for (subject, matches) in [("我要申请退货", true), ("咨询价格", false)] {
                let ticket = try await Self.newTicket(platform, setup.tenant, subject: subject)
                let created = try #require(
                    try await Self.history(of: ticket.id, tenant: setup.tenant, platform).first {
                        $0.event.type == "ticket.created"
                    })
                try await runner.run(eventID: created.event.id, tenant: setup.tenant)
                let after = try await platform.tickets.get(.id(ticket.id), tenant: setup.tenant)
                #expect((after.groupID == setup.group.id) == matches, "\(subject)")
                #expect(after.tags.contains("退货") == matches, "\(subject)")
            }
        }
    }

    @Test func twoTriggersUndoingEachOtherEachFireOnce() async throws {
        try await withTestPlatform { platform in
            let setup = try await Self.setup(platform)
            for (key, operatorName, action) in [
                ("add-x", "not_includes", "add_tags"), ("remove-x", "includes", "remove_tags"),
            ] {
                _ = try await platform.rules.saveTrigger(
                    try Self.decode(
                        Trigger.self,
                        #"""
                        {"key":"\#(key)","title":{"zh_cn":"x","en":"x"},"events":["ticket_created"],
                         "conditions":{"all":[{"field":"tags","operator":"\#(operatorName)","value":["x"]}]},
                         "actions":[{"action":"\#(action)","value":["x"]}]}
                        """#), actor: Self.actor, tenant: setup.tenant)
            }
            let ticket = try await Self.newTicket(platform, setup.tenant, subject: "loop")
            let created = try #require(
                try await Self.history(of: ticket.id, tenant: setup.tenant, platform).first {
                    $0.event.type == "ticket.created"
                })
            try await TriggerRunner(store: platform.store, logger: platform.logger).run(
                eventID: created.event.id, tenant: setup.tenant)
            let fired = try await Self.history(of: ticket.id, tenant: setup.tenant, platform).compactMap {
                $0.event.data["triggers"]
            }
            #expect(fired == [.array([.string("add-x"), .string("remove-x")])])
        }
    }

    @Test func anAutomationFiresOncePerTicketUntilItsConditionStopsHolding() async throws {
        try await withTestPlatform { platform in
            let setup = try await Self.setup(platform)
            _ = try await platform.rules.saveAutomation(
                try Self.decode(
                    Automation.self,
                    #"""
                    {"key":"stale-new","title":{"zh_cn":"新工单超时","en":"Stale new tickets"},
                     "conditions":{"all":[{"field":"status","operator":"is","value":"new"},
                                          {"field":"hours_since_created","operator":"greater_than","value":2}]},
                     "actions":[{"action":"set_priority","value":"high"},
                                {"action":"notify_users","to":["\#(setup.supervisor.id)"],"subject":"#{{ticket.number}} 仍未处理","body":"新工单超过两小时无人处理"}]}
                    """#), actor: Self.actor, tenant: setup.tenant)
            let ticket = try await Self.newTicket(platform, setup.tenant, subject: "无人处理")
            let pass = { (hours: Double) in
                AutomationPass(
                    tenants: AutomationPostgresTenants(client: platform.postgres, logger: platform.logger),
                    store: platform.store, logger: platform.logger,
                    now: { ticket.createdAt.addingTimeInterval(hours * 3600) })
            }
            // when passes run before, at and after the condition holds
            let early = try await pass(1).run(tenant: setup.tenant)
            let due = try await pass(3).run(tenant: setup.tenant)
            let again = try await pass(4).run(tenant: setup.tenant)
            // then it fired once
            let passes: [Int] = [early, due, again]
            #expect(passes == [0, 1, 0])
            let after = try await platform.tickets.get(.id(ticket.id), tenant: setup.tenant)
            #expect(after.priority == .high)
            let identity = Identity(
                tenantID: setup.tenant, role: .supervisor, userID: setup.supervisor.id,
                credential: .session(csrfToken: "x"))
            #expect(
                try await platform.notifications.feed(for: identity, before: nil, limit: 5, unreadOnly: false).unread
                    == 1)
            // and the tenant is listed for the scheduler's pass
            let tenants = try await AutomationPostgresTenants(client: platform.postgres, logger: platform.logger)
                .tenantsWithAutomations()
            #expect(tenants.contains(setup.tenant))
        }
    }
}
