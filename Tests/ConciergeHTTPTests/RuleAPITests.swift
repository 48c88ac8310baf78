import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Triggers, automations and the notification feed through the API.
@Suite struct RuleAPITests {
    static let trigger = #"""
        {"title":{"zh_cn":"VIP 升级","en":"VIP escalation"},"events":["ticket_created"],
         "conditions":{"all":[{"field":"requester.tier","operator":"is","value":"vip"}]},
         "actions":[{"action":"set_priority","value":"high"},{"action":"add_tags","value":["vip"]}]}
        """#

    @Test func triggersAreSavedWholeUnderTheirKeyAndListedInOrder() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let created = try await client.call(.put, "/api/v1/triggers/vip", token: token, json: Self.trigger)
            #expect(created.status == .created, "\(created.body)")
            #expect(created.body.object("trigger")["key"] as? String == "vip")
            #expect(try await client.call(.put, "/api/v1/triggers/vip", token: token, json: Self.trigger).status == .ok)
            let list = try await client.call(.get, "/api/v1/triggers", token: token)
            #expect((list.body["triggers"] as? [[String: Any]])?.map { $0["key"] as? String } == ["vip"])
            #expect(try await client.call(.delete, "/api/v1/triggers/vip", token: token).status == .noContent)
            #expect(try await client.call(.delete, "/api/v1/triggers/vip", token: token).status == .notFound)
        }
    }

    @Test(arguments: [
        (#"{"field":"priority","operator":"contains","value":"high"}"#, "conditions.all[0].operator"),
        (#"{"field":"colour","operator":"is","value":"red"}"#, "conditions.all[0].field"),
        (#"{"field":"priority","operator":"is","value":"extreme"}"#, "conditions.all[0].value"),
        (#"{"field":"custom_fields.nope","operator":"is","value":"x"}"#, "conditions.all[0].field"),
    ])
    func anInvalidConditionIsRefusedNamingItsPath(condition: String, path: String) async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let body =
                #"{"title":{"zh_cn":"x","en":"x"},"events":["ticket_created"],"conditions":{"all":[\#(condition)]},"actions":[{"action":"add_tags","value":["x"]}]}"#
            let response = try await client.call(.put, "/api/v1/triggers/bad", token: token, json: body)
            #expect(response.status == .badRequest)
            #expect(response.body.object("error")["field"] as? String == path, "\(response.body)")
        }
    }

    @Test func actionsMustNameUsersAndGroupsOfTheTenant() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let body = #"""
                {"title":{"zh_cn":"x","en":"x"},"events":["ticket_created"],"conditions":{"all":[]},
                 "actions":[{"action":"notify_groups","to":["\#(UUID().uuidString)"],"subject":"s","body":"b"}]}
                """#
            let response = try await client.call(.put, "/api/v1/triggers/x", token: token, json: body)
            #expect(response.status == .badRequest && response.body.errorCode == "unknown_reference")
            #expect(response.body.object("error")["field"] as? String == "actions[0].to")
        }
    }

    @Test func groupsAndUsersMayBeNamedByKeyAndEmailAndAreStoredAsIds() async throws {
        try await withAPI { platform, client in
            let provisioned = try await platform.makeTenant()
            let token = provisioned.adminToken.secret
            let user = try await platform.users.create(
                .init(email: "li@example.com", name: "李", role: .agent), grantedBy: .owner, actor: .system("t"),
                tenant: provisioned.tenant.id)
            let group = try await platform.groups.create(
                .init(key: "after-sales", name: "售后"), actor: .system("t"), tenant: provisioned.tenant.id)
            let body = #"""
                {"title":{"zh_cn":"x","en":"x"},"events":["ticket_created"],"conditions":{"all":[]},
                 "actions":[{"action":"set_group","value":"after-sales"},{"action":"set_assignee","value":"LI@example.com"},
                            {"action":"notify_groups","to":["after-sales"],"subject":"s","body":"b"}]}
                """#
            let saved = try await client.call(.put, "/api/v1/triggers/route", token: token, json: body)
            #expect(saved.status == .created, "\(saved.body)")
            let actions = saved.body.object("trigger")["actions"] as? [[String: Any]] ?? []
            #expect(actions.first?["value"] as? String == group.id.description)
            #expect(actions.dropFirst().first?["value"] as? String == user.id.description)
            #expect(actions.last?["to"] as? [String] == [group.id.description])
        }
    }

    @Test func automationsNeedATimeCondition() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let missing = try await client.call(
                .put, "/api/v1/automations/a", token: token,
                json:
                    #"{"title":{"zh_cn":"x","en":"x"},"conditions":{"all":[{"field":"status","operator":"is","value":"new"}]},"actions":[{"action":"set_priority","value":"high"}]}"#
            )
            #expect(missing.status == .badRequest)
            let valid = try await client.call(
                .put, "/api/v1/automations/a", token: token,
                json:
                    #"{"title":{"zh_cn":"x","en":"x"},"conditions":{"all":[{"field":"status","operator":"is","value":"new"},{"field":"hours_since_created","operator":"greater_than","value":2}]},"actions":[{"action":"set_priority","value":"high"}]}"#
            )
            #expect(valid.status == .created, "\(valid.body)")
            #expect(
                (try await client.call(.get, "/api/v1/automations", token: token).body["automations"] as? [Any])?.count
                    == 1)
        }
    }

    @Test func theFeedBelongsToASignedInUser() async throws {
        try await withAPI { platform, client in
            let provisioned = try await platform.makeTenant()
            let user = try await platform.users.create(
                .init(email: "li@example.com", name: "李", role: .agent, password: "correct horse battery"),
                grantedBy: .owner, actor: .system("t"), tenant: provisioned.tenant.id)
            let store: any TenantStore = platform.store
            try await store.transaction(provisioned.tenant.id) { tx in
                try await tx.notifications.insert([
                    InAppNotification(
                        userID: user.id, ticketID: nil, kind: "rule", title: "工单超时", body: "请处理", source: "trigger:t",
                        createdAt: .now)
                ])
            }
            // an API token has no feed
            let tokenFeed = try await client.call(.get, "/api/v1/notifications", token: provisioned.adminToken.secret)
            #expect(tokenFeed.status == .badRequest && tokenFeed.body.errorCode == "no_user")
            // the user sees theirs, and marks it read
            let login = try await client.call(
                .post, "/api/v1/auth/login",
                json:
                    #"{"tenant":"\#(provisioned.tenant.slug)","email":"li@example.com","password":"correct horse battery"}"#
            )
            let cookie = String((login.headers[.setCookie] ?? "").split(separator: ";")[0])
            let csrf = login.body["csrf_token"] as? String ?? ""
            let feed = try await client.call(.get, "/api/v1/notifications?unread=true", headers: [.cookie: cookie])
            #expect(feed.status == .ok && feed.body["unread_count"] as? Int == 1)
            #expect((feed.body["notifications"] as? [[String: Any]])?.first?["title"] as? String == "工单超时")
            let read = try await client.call(
                .post, "/api/v1/notifications/read", json: #"{"all":true}"#,
                headers: [.cookie: cookie, .init("X-CSRF-Token")!: csrf])
            #expect(read.status == .ok && read.body["marked"] as? Int == 1)
        }
    }
}
