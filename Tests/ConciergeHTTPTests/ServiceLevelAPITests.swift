import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Business calendars and SLA policies through the API, and a ticket's clocks.
@Suite struct ServiceLevelAPITests {
    static let calendar = #"""
        {"time_zone":"Asia/Shanghai","weekly":{"mon":[["09:00","12:00"],["13:30","18:00"]],"tue":[["09:00","18:00"]]},
         "holidays":["2026-10-01","2026-10-02"],"workdays":["2026-10-10"]}
        """#
    static let policy = #"""
        {"title":{"zh_cn":"VIP","en":"VIP"},"calendar":"china","position":1,"conditions":{"customer_tiers":["vip"]},
         "targets":{"first_reply":{"urgent":{"minutes":30},"normal":{"minutes":120}}}}
        """#

    @Test func calendarsAndPoliciesAreSavedWholeUnderTheirKey() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // when a calendar is saved, then saved again
            let created = try await client.call(
                .put, "/api/v1/business-calendars/china", token: token, json: Self.calendar)
            #expect(created.status == .created)
            #expect(created.body.object("business_calendar")["key"] as? String == "china")
            #expect(created.body.object("business_calendar")["time_zone"] as? String == "Asia/Shanghai")
            let replaced = try await client.call(
                .put, "/api/v1/business-calendars/china", token: token, json: Self.calendar)
            #expect(replaced.status == .ok)
            // and a policy naming it
            let policy = try await client.call(.put, "/api/v1/sla-policies/vip", token: token, json: Self.policy)
            #expect(policy.status == .created, "\(policy.body)")
            #expect(policy.body.object("sla_policy")["key"] as? String == "vip")
            // then both are listed
            let calendars = try await client.call(.get, "/api/v1/business-calendars", token: token)
            #expect((calendars.body["business_calendars"] as? [[String: Any]])?.first?["key"] as? String == "china")
            let policies = try await client.call(.get, "/api/v1/sla-policies", token: token)
            #expect((policies.body["sla_policies"] as? [[String: Any]])?.count == 1)
            // and the calendar cannot go while the policy uses it
            let inUse = try await client.call(.delete, "/api/v1/business-calendars/china", token: token)
            #expect(inUse.status == .conflict && inUse.body.errorCode == "calendar_in_use")
            #expect(try await client.call(.delete, "/api/v1/sla-policies/vip", token: token).status == .noContent)
            #expect(
                try await client.call(.delete, "/api/v1/business-calendars/china", token: token).status == .noContent)
            #expect(try await client.call(.delete, "/api/v1/sla-policies/vip", token: token).status == .notFound)
        }
    }

    @Test(arguments: [
        (#"{"weekly":{"mon":[["09:00","12:00"],["11:00","13:00"]]}}"#, "weekly.mon"),
        (#"{"weekly":{"mon":[["09:00","25:00"]]}}"#, "weekly.mon"),
        (#"{"time_zone":"Mars/Olympus","weekly":{"mon":[["09:00","18:00"]]}}"#, "time_zone"),
        (#"{"weekly":{"mon":[["09:00","18:00"]]},"holidays":["2026-10-01"],"workdays":["2026-10-01"]}"#, "workdays"),
    ])
    func anInvalidCalendarIsRefusedNamingTheField(body: String, field: String) async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let response = try await client.call(.put, "/api/v1/business-calendars/bad", token: token, json: body)
            #expect(response.status == .badRequest)
            let named = response.body.object("error")["field"] as? String ?? ""
            #expect(named.hasPrefix(field), "\(response.body)")
        }
    }

    @Test func aPolicyIsValidatedAgainstItsCalendarAndPath() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let unknownCalendar = try await client.call(
                .put, "/api/v1/sla-policies/vip", token: token, json: Self.policy)
            #expect(unknownCalendar.status == .badRequest)
            #expect(unknownCalendar.body.object("error")["field"] as? String == "calendar")
            let mismatch = try await client.call(
                .put, "/api/v1/sla-policies/vip", token: token,
                json:
                    #"{"key":"other","title":{"zh_cn":"x","en":"x"},"targets":{"first_reply":{"normal":{"minutes":5}}}}"#
            )
            #expect(mismatch.body.errorCode == "key_mismatch")
            let noTargets = try await client.call(
                .put, "/api/v1/sla-policies/vip", token: token, json: #"{"title":{"zh_cn":"x","en":"x"},"targets":{}}"#)
            #expect(noTargets.status == .badRequest && noTargets.body.object("error")["field"] as? String == "targets")
        }
    }

    @Test func aTicketShowsItsClocksAndAnotherTenantSeesNothing() async throws {
        try await withAPI { platform, client in
            let provisioned = try await platform.makeTenant()
            let token = provisioned.adminToken.secret
            let other = try await platform.makeTenant().adminToken.secret
            _ = try await client.call(
                .put, "/api/v1/sla-policies/all", token: token,
                json:
                    #"{"title":{"zh_cn":"全部","en":"All"},"targets":{"first_reply":{"normal":{"minutes":60,"business_hours":false}}}}"#
            )
            let created = try await client.call(
                .post, "/api/v1/tickets", token: token,
                json: #"{"subject":"退货","description":"申请退货","requester":{"email":"c@d.cn"}}"#)
            let id = created.body.object("ticket")["id"] as? String ?? ""
            // the worker's job, run here directly
            try await platform.slaTracker.refresh(try #require(TicketID(id)), tenant: provisioned.tenant.id)
            let sla = try await client.call(.get, "/api/v1/tickets/\(id)/sla", token: token)
            let entries = sla.body["sla"] as? [[String: Any]] ?? []
            #expect(entries.count == 1)
            #expect(entries.first?["metric"] as? String == "first_reply")
            #expect(entries.first?["status"] as? String == "active")
            #expect(try await client.call(.get, "/api/v1/tickets/\(id)/sla", token: other).status == .notFound)
            // the ticket carries its next breach, and views sort and filter by it
            let ticket = try await client.call(.get, "/api/v1/tickets/\(id)", token: token)
            let breachAt = ticket.body.object("ticket")["sla_breach_at"] as? String
            #expect(breachAt == (entries.first?["target_at"] as? String))
            _ = try await client.call(
                .put, "/api/v1/sla-policies/all", token: token,
                json:
                    #"{"title":{"zh_cn":"全部","en":"All"},"conditions":{"channels":["phone"]},"targets":{"first_reply":{"normal":{"minutes":60}}}}"#
            )
            let unmeasured = try await client.call(
                .post, "/api/v1/tickets", token: token,
                json: #"{"subject":"咨询","description":"价格","requester":{"email":"e@f.cn"}}"#)
            #expect(unmeasured.status == .created)
            let sorted = try await client.call(.get, "/api/v1/tickets?sort=sla_breach_at", token: token)
            #expect((sorted.body["tickets"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            let soon = try await client.call(.get, "/api/v1/tickets?sla_breach_within=0", token: token)
            #expect((soon.body["tickets"] as? [Any])?.isEmpty == true)
            let later = try await client.call(.get, "/api/v1/tickets?sla_breach_within=120", token: token)
            #expect((later.body["tickets"] as? [Any])?.count == 1)
            // and a saved view keeps "breaching within two hours", sorted by the breach
            let view = try await client.call(
                .post, "/api/v1/views", token: token,
                json:
                    #"{"key":"breaching","title":"即将超时","filters":{"sla_breach_within":120,"sort":"sla_breach_at"},"shared":true}"#
            )
            #expect(view.status == .created, "\(view.body)")
            let breaching = try await client.call(.get, "/api/v1/views/breaching/tickets", token: token)
            #expect((breaching.body["tickets"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            let invalid = try await client.call(
                .post, "/api/v1/views", token: token,
                json: #"{"key":"bad","title":"x","filters":{"sla_breach_within":-1},"shared":true}"#)
            #expect(invalid.status == .badRequest)
            let othersPolicies = try await client.call(.get, "/api/v1/sla-policies", token: other)
            #expect((othersPolicies.body["sla_policies"] as? [Any])?.isEmpty == true)
        }
    }
}
