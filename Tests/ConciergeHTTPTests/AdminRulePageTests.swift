import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The console's triggers and automations: JSON conditions and actions checked by RuleCatalog
/// with its errors by the textarea, a readable summary in the list, activation.
@Suite struct AdminRulePageTests {
    static let conditions = #"{"all": [{"field": "subject", "operator": "contains", "value": "退货"}]}"#

    static func trigger(_ extra: [(String, String)] = []) -> [(String, String)] {
        [
            ("key", "returns"), ("title_zh_cn", "退货转售后"), ("title_en", "Returns"), ("position", "3"),
            ("events", "ticket_created"), ("conditions", conditions),
            ("actions", #"[{"action": "set_group", "value": "after-sales"}, {"action": "add_tags", "value": ["退货"]}]"#),
        ] + extra
    }

    @Test func aTriggerIsCheckedSavedSummarisedAndDeactivated() async throws {
        try await withAPI { platform, client in
            // given an admin and a group
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            _ = try await platform.groups.create(
                .init(key: "after-sales", name: "售后服务组"), actor: .system("t"), tenant: admin.tenant)
            // without an event, with broken JSON, an unknown operator or group: each by its box
            let noEvent = try await admin.post(
                "/admin/rules/triggers", pairs: Self.trigger().filter { $0.0 != "events" })
            #expect(noEvent.status == .unprocessableContent)
            #expect(noEvent.text("error-events") == "This is required.")
            let broken = try await admin.post(
                "/admin/rules/triggers", pairs: Self.trigger().map { $0.0 == "actions" ? ("actions", "[{") : $0 })
            #expect(broken.text("error-actions") == "This is not JSON of the expected shape.")
            #expect(broken.body.contains("[{</textarea>"))
            let shape = try await admin.post(
                "/admin/rules/triggers",
                pairs: Self.trigger().map { $0.0 == "actions" ? ("actions", #"[{"value": 1}]"#) : $0 })
            #expect(shape.text("error-actions")?.hasPrefix("actions[0].action: ") == true)
            let operatorRefused = try await admin.post(
                "/admin/rules/triggers",
                pairs: Self.trigger().map {
                    $0.0 == "conditions"
                        ? ("conditions", #"{"all": [{"field": "subject", "operator": "resembles", "value": "x"}]}"#)
                        : $0
                })
            #expect(operatorRefused.text("error-conditions")?.hasPrefix("conditions.all[0].") == true)
            let unknownGroup = try await admin.post(
                "/admin/rules/triggers",
                pairs: Self.trigger().map {
                    $0.0 == "actions" ? ("actions", #"[{"action": "set_group", "value": "nobody"}]"#) : $0
                })
            #expect(
                unknownGroup.text("error-actions") == "actions[0].value: This names no user or group of your company.")
            #expect(try await platform.rules.triggers(tenant: admin.tenant).isEmpty)
            // when it is saved
            let created = try await admin.post("/admin/rules/triggers", pairs: Self.trigger())
            #expect(created.flash == "admin_created")
            #expect(created.location == "/admin/rules/triggers/returns")
            // then the API has it, and the list reads it with the group's name
            let triggers = try await admin.api(.get, "/api/v1/triggers").body["triggers"] as? [[String: Any]]
            #expect(triggers?.first?["events"] as? [String] == ["ticket_created"])
            #expect(triggers?.first?["active"] as? Bool == true)
            let list = try await admin.get("/admin/rules")
            #expect(list.body.contains("all: subject contains 退货"))
            #expect(list.body.contains("set_group 售后服务组; add_tags 退货"))
            // a second one under the key is refused; an edit keeps the key
            #expect(try await admin.post("/admin/rules/triggers", pairs: Self.trigger()).status == .conflict)
            let edited = try await admin.post(
                "/admin/rules/triggers/returns",
                pairs: Self.trigger().map { $0.0 == "title_en" ? ("title_en", "Returns to after-sales") : $0 })
            #expect(edited.flash == "admin_saved")
            // when it is deactivated and activated again
            #expect(
                try await admin.post("/admin/rules/triggers/returns/deactivate", [:]).flash == "admin_deactivated_item")
            #expect(try await platform.rules.triggers(tenant: admin.tenant).first?.active == false)
            #expect(try await admin.get("/admin/rules/triggers/returns").has("rule-activate"))
            #expect(try await admin.post("/admin/rules/triggers/returns/activate", [:]).flash == "admin_activated")
            let stored = try #require(try await platform.rules.triggers(tenant: admin.tenant).first)
            #expect(stored.active && stored.title.en == "Returns to after-sales")
        }
    }

    @Test func anAutomationNeedsATimeCondition() async throws {
        try await withAPI { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .zhCN)
            let untimed = try await admin.post(
                "/admin/rules/automations",
                pairs: [
                    ("key", "stale"), ("title_zh_cn", "久未处理"),
                    ("conditions", #"{"all": [{"field": "status", "operator": "is", "value": "new"}]}"#),
                    ("actions", #"[{"action": "set_priority", "value": "high"}]"#),
                ])
            #expect(untimed.status == .unprocessableContent)
            #expect(
                untimed.text("error-conditions")?.hasSuffix(
                    "自动化需要带 greater_than 的时间条件，例如 hours_since_created greater_than 2。") == true)
            let timed = try await admin.post(
                "/admin/rules/automations",
                pairs: [
                    ("key", "stale"), ("title_zh_cn", "久未处理"),
                    (
                        "conditions",
                        #"{"all": [{"field": "status", "operator": "is", "value": "new"}, {"field": "hours_since_created", "operator": "greater_than", "value": 2}]}"#
                    ),
                    ("actions", #"[{"action": "set_priority", "value": "high"}]"#),
                ])
            #expect(timed.flash == "admin_created")
            let automations = try await admin.api(.get, "/api/v1/automations").body["automations"] as? [[String: Any]]
            #expect(automations?.first?["key"] as? String == "stale")
            #expect(try await admin.get("/admin/rules").body.contains("hours_since_created greater_than 2"))
        }
    }
}
