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
