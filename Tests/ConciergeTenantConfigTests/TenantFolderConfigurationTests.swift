import ConciergeCore
import ConciergeDomain
import ConciergeTenantConfig
import Foundation
import Testing

/// `fields.yaml`, `forms.yaml`, `views.yaml`, `macros.yaml`: parsed into the same documents
/// as the API, with errors located at file, line and field.
@Suite struct TenantFolderConfigurationTests {
    static let tenant = "slug: acme\n"

    @Test func demoConfigurationParses() throws {
        // given the committed demo folder
        let blueprint = try TenantFolder.read(repositoryRoot.appendingPathComponent("Tenants/demo"))
        // then every document is there, validated
        #expect(blueprint.fields.map(\.key) == ["serial_number", "fault_type", "region", "spare_parts", "visit_date"])
        #expect(blueprint.fields.first?.type == .regex && blueprint.fields[1].options.count == 3)
        #expect(blueprint.forms.map(\.key) == ["repair", "general"])
        #expect(blueprint.views.map(\.key) == ["unassigned", "my-open", "urgent"])
        #expect(blueprint.views[1].filters.assignee == "me")
        #expect(blueprint.macros.map(\.key) == ["dispatch-engineer", "request-parts"])
        #expect(blueprint.macros[0].actions.count == 3)
        #expect(blueprint.calendars.map(\.key) == ["default", "field-service"])
        #expect(blueprint.calendars[0].calendar.draft.workdays.count == 5)
        #expect(blueprint.slaPolicies.map(\.key) == ["vip", "standard"])
        #expect(blueprint.triggers.map(\.key) == ["route-returns", "vip-priority", "escalate-first-reply-breach"])
        #expect(blueprint.automations.map(\.key) == ["stale-new"])
        #expect(blueprint.groups.first?.routing == GroupRouting(method: .leastLoaded, reroutePolicy: .reroute))
        #expect(blueprint.groups.last?.routing == nil)
    }

    @Test(
        arguments: [
            (
                "calendars.yaml",
                "calendars:\n  - key: a\n    weekly:\n      mon: [[\"09:00\", \"12:00\"], [\"11:00\", \"13:00\"]]\n", 4,
                "calendars[0].weekly.mon"
            ),
            (
                "calendars.yaml",
                "calendars:\n  - key: a\n    time_zone: Mars/Base\n    weekly: {mon: [[\"09:00\", \"18:00\"]]}\n",
                3, "calendars[0].time_zone"
            ),
            (
                "sla_policies.yaml",
                "policies:\n  - key: p\n    title: {zh_cn: 甲, en: A}\n    calendar: nope\n    targets: {first_reply: {normal: {minutes: 5}}}\n",
                4, "policies[0].calendar"
            ),
            (
                "triggers.yaml",
                "triggers:\n  - key: t\n    title: {zh_cn: 甲, en: A}\n    events: [ticket_created]\n    conditions:\n      all:\n        - {field: priority, operator: contains, value: x}\n    actions: [{action: add_tags, value: [x]}]\n",
                7, "triggers[0].conditions.all[0].operator"
            ),
        ] as [(String, String, Int, String)])
    func serviceLevelAndRuleErrorsAreLocated(file: String, text: String, line: Int, field: String) throws {
        let fixture = try TenantFolderFixture(["tenant.yaml": Self.tenant, file: text])
        defer { fixture.remove() }
        let error = #expect(throws: TenantConfigError.self) { try TenantFolder.read(fixture.url) }
        #expect(error?.file == fixture.path(file))
        #expect(error?.field.hasPrefix(field) == true, "\(String(describing: error))")
        #expect(error?.line == line, "\(String(describing: error))")
    }

    @Test(
        arguments: [
            (
                "fields.yaml", "fields:\n  - key: a\n    labels: {zh_cn: 甲, en: A}\n    type: dropdwn\n", 4,
                "fields[0].type",
                "'dropdwn' is not a known value"
            ),
            (
                "fields.yaml",
                "fields:\n  - key: a\n    labels: {zh_cn: 甲, en: A}\n    type: regex\n    pattern: \"[0-9\"\n", 5,
                "fields[0].pattern", "'[0-9' is not a valid regular expression"
            ),
            ("fields.yaml", "fields:\n  - key: a\n    type: text\n", 2, "fields[0].labels", "is required"),
            (
                "fields.yaml", "fields:\n  - key: a\n    labels: {zh_cn: 甲, en: A}\n    type: text\n    colour: red\n",
                5,
                "fields[0].colour", nil
            ),
            (
                "fields.yaml",
                "fields:\n  - key: a\n    labels: {zh_cn: 甲, en: A}\n    type: text\n  - key: a\n    labels: {zh_cn: 乙, en: B}\n    type: text\n",
                5, "fields[1].key", "appears twice"
            ),
        ] as [(String, String, Int, String, String?)])
    func fieldErrorsAreLocated(file: String, text: String, line: Int, field: String, message: String?) throws {
        let fixture = try TenantFolderFixture(["tenant.yaml": Self.tenant, file: text])
        defer { fixture.remove() }
        let error = #expect(throws: TenantConfigError.self) { try TenantFolder.read(fixture.url) }
        #expect(error?.file == fixture.path(file))
        #expect(error?.line == line)
        #expect(error?.field == field)
        if let message { #expect(error?.message == message) }
    }

    @Test func formNamingAnUnknownFieldIsLocated() throws {
        let fixture = try TenantFolderFixture([
            "tenant.yaml": Self.tenant,
            "fields.yaml": "fields:\n  - key: a\n    labels: {zh_cn: 甲, en: A}\n    type: text\n",
            "forms.yaml": "forms:\n  - key: f\n    names: {zh_cn: 表, en: F}\n    field_keys: [a, nope]\n",
        ])
        defer { fixture.remove() }
        let error = #expect(throws: TenantConfigError.self) { try TenantFolder.read(fixture.url) }
        #expect(error?.field == "forms[0].field_keys[1]")
        #expect(error?.line == 4)
    }

    @Test func macroWithAnUnknownPlaceholderIsRefused() throws {
        let fixture = try TenantFolderFixture([
            "tenant.yaml": Self.tenant,
            "macros.yaml":
                "macros:\n  - key: m\n    title: {zh_cn: 宏, en: M}\n    reply_template: \"{{ticket.nope}}\"\n",
        ])
        defer { fixture.remove() }
        let error = #expect(throws: TenantConfigError.self) { try TenantFolder.read(fixture.url) }
        #expect(error?.field == "macros[0].reply_template")
        #expect(error?.line == 4)
    }
}
