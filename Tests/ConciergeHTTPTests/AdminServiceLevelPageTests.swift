import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The console's SLA section: business calendars with holidays and make-up working days
/// (调休), and SLA policies with their targets grid, through ServiceLevelCatalog.
@Suite struct AdminServiceLevelPageTests {
    static let calendar = [
        "key": "east-office", "time_zone": "Asia/Shanghai", "weekly_mon": "09:00-12:00, 13:30-18:00",
        "weekly_tue": "09:00-18:00", "weekly_wed": "09:00-18:00", "weekly_thu": "09:00-18:00",
        "weekly_fri": "09:00-18:00",
        "weekly_sat": "", "weekly_sun": "", "holidays": "2026-10-01, 2026-10-02\n2026-10-05",
        "workdays": "2026-09-27\n2026-10-10 09:00-12:00",
    ]

    static func policy(_ extra: [String: String] = [:]) -> [String: String] {
        [
            "key": "gold", "title_zh_cn": "金牌客户", "title_en": "Gold", "position": "5", "calendar": "east-office",
            "target.first_reply.urgent": "30", "calendar_time.first_reply.urgent": "on",
            "target.resolution.normal": "2400",
            "warning_kind": "percent_elapsed", "warning_value": "75", "conditions": #"{"customer_tiers": ["gold"]}"#,
            "pause_on": "{}",
        ].merging(extra) { $1 }
    }

    @Test func agentsMayNotOpenOrPostToSLAOrRules() async throws {
        try await withAPI { platform, client in
            let agent = try await AgentBrowser.signIn(platform, client)
            let pages = [
                "/admin/sla", "/admin/sla/new-calendar", "/admin/sla/new-policy", "/admin/rules",
                "/admin/rules/new-trigger", "/admin/rules/new-automation",
            ]
            for path in pages { #expect(try await agent.get(path).status == .forbidden, "\(path)") }
            for path in ["/admin/sla/calendars", "/admin/sla/policies", "/admin/rules/triggers"] {
                #expect(try await agent.post(path, Self.calendar).status == .forbidden, "\(path)")
            }
            #expect(try await platform.serviceLevels.calendars(tenant: agent.tenant).isEmpty)
        }
    }

    @Test func aCalendarPostWithoutTheCSRFTokenIsRefused() async throws {
        try await withAPI { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client)
            #expect(try await admin.post("/admin/sla/calendars", Self.calendar, withToken: false).status == .forbidden)
            #expect(try await platform.serviceLevels.calendars(tenant: admin.tenant).isEmpty)
        }
    }

    @Test func aCalendarWithHolidaysAndMakeUpDaysIsCheckedCreatedAndEdited() async throws {
        try await withAPI { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            // a malformed time shows by its weekday
            var values = Self.calendar
            values["weekly_mon"] = "9-12"
            let badHours = try await admin.post("/admin/sla/calendars", values)
            #expect(badHours.status == .unprocessableContent)
            #expect(
                badHours.text("error-weekly_mon")
                    == "weekly.mon[0]: Write times as HH:MM, such as 09:00 (24:00 as an end).")
            #expect(badHours.body.contains(#"value="9-12""#))
            // a make-up day that is also a holiday shows by the make-up days
            values = Self.calendar
            values["workdays"] = "2026-10-01"
            #expect(
                try await admin.post("/admin/sla/calendars", values).text("error-workdays")
                    == "workdays[0]: This date is also a holiday.")
            // when it is created
            let created = try await admin.post("/admin/sla/calendars", Self.calendar)
            #expect(created.status == .seeOther)
            #expect(created.location == "/admin/sla/calendars/east-office")
            #expect(created.flash == "admin_created")
            // then the API has its hours, holidays and make-up days
            let calendars = try await admin.api(.get, "/api/v1/business-calendars").body["business_calendars"]
            let stored = try #require((calendars as? [[String: Any]])?.first)
            #expect(stored["holidays"] as? [String] == ["2026-10-01", "2026-10-02", "2026-10-05"])
            let workdays = stored["workdays"] as? [Any]
            #expect(workdays?.first as? String == "2026-09-27")
            #expect((workdays?.last as? [String: Any])?["hours"] as? [[String]] == [["09:00", "12:00"]])
            #expect((stored["weekly"] as? [String: [[String]]])?["mon"] == [["09:00", "12:00"], ["13:30", "18:00"]])
            // and the overview lists it; a second one with the key is refused
            let overview = try await admin.get("/admin/sla")
            #expect(overview.text("calendar-workdays") == "2026-09-27, 2026-10-10")
            let again = try await admin.post("/admin/sla/calendars", Self.calendar)
            #expect(again.status == .conflict)
            #expect(again.text("error-key") == "This key is already used.")
            // when it is edited (the key stays)
            values = Self.calendar
            values["key"] = "renamed"
            values["weekly_sat"] = "10:00-14:00"
            let saved = try await admin.post("/admin/sla/calendars/east-office", values)
            #expect(saved.flash == "admin_saved")
            let edited = try await platform.serviceLevels.calendars(tenant: admin.tenant)
            #expect(edited.map(\.key) == ["east-office"])
            #expect(edited.first?.calendar.draft.weekly["sat"] == [["10:00", "14:00"]])
        }
    }

    @Test func aPolicyIsSavedFromItsTargetsGridAndItsCalendarCannotBeDeleted() async throws {
        try await withAPI { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            _ = try await admin.post("/admin/sla/calendars", Self.calendar)
            // errors show by the grid, the calendar and the conditions
            let notANumber = try await admin.post(
                "/admin/sla/policies", Self.policy(["target.resolution.normal": "2 days"]))
            #expect(notANumber.status == .unprocessableContent)
            #expect(notANumber.text("error-targets") == "targets.resolution.normal.minutes: Enter a whole number.")
            #expect(notANumber.body.contains(#"value="2 days""#))
            let noTarget = try await admin.post(
                "/admin/sla/policies",
                Self.policy(["target.first_reply.urgent": "", "target.resolution.normal": ""]))
            #expect(noTarget.text("error-targets") == "This is required.")
            let calendar = try await admin.post("/admin/sla/policies", Self.policy(["calendar": "nowhere"]))
            #expect(calendar.text("error-calendar") == "No calendar has this key.")
            let json = try await admin.post("/admin/sla/policies", Self.policy(["conditions": "{tiers: gold"]))
            #expect(json.text("error-conditions") == "This is not JSON of the expected shape.")
            let warning = try await admin.post("/admin/sla/policies", Self.policy(["warning_value": "150"]))
            #expect(
                warning.text("error-warning")
                    == "warning.percent_elapsed: Give a percentage between 1 and 99, or a positive number of minutes.")
            // when it is created
            let created = try await admin.post("/admin/sla/policies", Self.policy())
            #expect(created.flash == "admin_created")
            #expect(created.location == "/admin/sla/policies/gold")
            // then the API has its targets, calendar time where ticked
            let policies = try await admin.api(.get, "/api/v1/sla-policies").body["sla_policies"] as? [[String: Any]]
            let policy = try #require(policies?.first)
            let targets = policy["targets"] as? [String: [String: [String: Any]]]
            #expect(targets?["first_reply"]?["urgent"]?["minutes"] as? Int == 30)
            #expect(targets?["first_reply"]?["urgent"]?["business_hours"] as? Bool == false)
            #expect(targets?["resolution"]?["normal"]?["business_hours"] as? Bool == true)
            #expect(policy["calendar"] as? String == "east-office")
            #expect((policy["conditions"] as? [String: Any])?["customer_tiers"] as? [String] == ["gold"])
            // and the editor shows it back; the overview summarises it
            let editor = try await admin.get("/admin/sla/policies/gold")
            #expect(editor.body.contains(#"name="target.first_reply.urgent" value="30""#))
            #expect(try await admin.get("/admin/sla").body.contains("First reply: Urgent 30 min (calendar time)"))
            // the calendar it uses cannot be deleted; once the policy is gone it can
            let refused = try await admin.post("/admin/sla/calendars/east-office/delete", [:])
            #expect(refused.status == .conflict)
            #expect(refused.text("form-error") == "An SLA policy uses this calendar; change the policy first.")
            #expect(try await admin.post("/admin/sla/policies/gold/delete", [:]).flash == "admin_deleted")
            #expect(try await admin.post("/admin/sla/calendars/east-office/delete", [:]).flash == "admin_deleted")
            #expect(try await platform.serviceLevels.calendars(tenant: admin.tenant).isEmpty)
        }
    }
}
