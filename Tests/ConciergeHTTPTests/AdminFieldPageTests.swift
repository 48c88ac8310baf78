import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The console's custom ticket fields and ticket forms: created, edited, deactivated through
/// FieldCatalog, the use case's errors by their fields, and what the API and the agent's
/// ticket page then show.
@Suite struct AdminFieldPageTests {
    static let dropdown = [
        "key": "visit_type", "type": "dropdown", "label_zh_cn": "服务方式", "label_en": "Visit type",
        "options": "on_site | 上门 | On site\nremote | 远程 | Remote\n", "customer_visible": "on", "position": "",
        "pattern": "",
    ]

    @Test func agentsMayNotOpenFieldsOrForms() async throws {
        try await withAPI { platform, client in
            let agent = try await AgentBrowser.signIn(platform, client)
            for path in ["/admin/fields", "/admin/fields/new", "/admin/forms", "/admin/forms/new"] {
                #expect(try await agent.get(path).status == .forbidden, "\(path)")
            }
            #expect(try await agent.post("/admin/fields", Self.dropdown).status == .forbidden)
            #expect(try await agent.post("/admin/forms", ["key": "f", "name_zh_cn": "表"]).status == .forbidden)
            #expect(try await platform.fields.fields(tenant: agent.tenant).isEmpty)
        }
    }

    @Test func aFieldPostWithoutTheCSRFTokenIsRefused() async throws {
        try await withAPI { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client)
            #expect(try await admin.post("/admin/fields", Self.dropdown, withToken: false).status == .forbidden)
            #expect(try await platform.fields.fields(tenant: admin.tenant).isEmpty)
        }
    }

    @Test func aRefusedFieldShowsEachErrorByItsBox() async throws {
        try await withAPI { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            let editor = try await admin.get("/admin/fields/new")
            #expect(editor.status == .ok)
            #expect(editor.has("field-type"))
            var values = Self.dropdown
            values["options"] = ""
            #expect(try await admin.post("/admin/fields", values).text("error-options") == "This is required.")
            values["options"] = "On Site | 上门 | On site"
            let badOption = try await admin.post("/admin/fields", values)
            #expect(badOption.status == .unprocessableContent)
            #expect(
                badOption.text("error-options") == "options[0].value: Use 1–64 lowercase letters, digits, - or _.")
            #expect(badOption.body.contains("On Site | 上门 | On site</textarea>"))
            values = Self.dropdown
            values["label_zh_cn"] = ""
            values["label_en"] = " "
            #expect(try await admin.post("/admin/fields", values).text("error-label_zh_cn") == "This is required.")
            values = Self.dropdown
            values["pattern"] = "[0-9]+"
            #expect(
                try await admin.post("/admin/fields", values).text("error-pattern")
                    == "Leave this empty for this type of field.")
            values = ["key": "serial", "type": "regex", "label_zh_cn": "序列号", "pattern": "([a-z"]
            #expect(
                try await admin.post("/admin/fields", values).text("error-pattern")
                    == "This is not a valid regular expression.")
            #expect(try await platform.fields.fields(tenant: admin.tenant).isEmpty)
        }
    }

    @Test func aDropdownFieldIsCreatedEditedAndShownOnTheTicketPage() async throws {
        try await withAPI { platform, client in
            // given an admin
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .zhCN)
            // when they create a dropdown visible to customers
            let created = try await admin.post("/admin/fields", Self.dropdown)
            #expect(created.status == .seeOther)
            #expect(created.flash == "admin_created")
            let path = try #require(created.location)
            // then the API has it with its options in order
            var field = try #require(
                (try await admin.api(.get, "/api/v1/ticket-fields").body["ticket_fields"] as? [[String: Any]])?.first)
            #expect(field["key"] as? String == "visit_type")
            #expect(field["visibility"] as? String == "customer")
            #expect(
                (field["options"] as? [[String: Any]])?.compactMap { $0["value"] as? String } == ["on_site", "remote"])
            // and a ticket's value shows on the agent's ticket page by its labels
            let ticket = try await platform.tickets.create(
                NewTicket(
                    subject: "上门维修", description: "需要工程师",
                    requester: .contact(email: "c@example.cn", phone: nil, name: "客户"),
                    customFields: ["visit_type": .string("remote")]),
                actor: .system("t"), tenant: admin.tenant)
            let page = try await admin.get("/agent/tickets/\(ticket.number)")
            #expect(page.body.contains("<dt>服务方式</dt><dd data-testid=\"custom-field\">远程</dd>"))
            // when they reorder the options, require it to solve and try to change key and type
            var edited = Self.dropdown
            edited["options"] = "remote | 远程支持 | Remote\non_site | 上门 | On site"
            edited["required_to_solve"] = "on"
            edited["customer_visible"] = nil
            edited["key"] = "other_key"
            edited["type"] = "text"
            #expect(try await admin.post(path, edited).flash == "admin_saved")
            field = try #require(
                (try await admin.api(.get, "/api/v1/ticket-fields").body["ticket_fields"] as? [[String: Any]])?.first)
            #expect(field["key"] as? String == "visit_type")
            #expect(field["type"] as? String == "dropdown")
            #expect(field["visibility"] as? String == "internal")
            #expect(field["required_to_solve"] as? Bool == true)
            #expect(
                (field["options"] as? [[String: Any]])?.compactMap { $0["value"] as? String } == ["remote", "on_site"])
            #expect(try await admin.get("/agent/tickets/\(ticket.number)").body.contains(">远程支持</dd>"))
            // when they deactivate it, the list says so and the API agrees; then it comes back
            #expect(try await admin.post("\(path)/deactivate", [:]).flash == "admin_deactivated_item")
            #expect(try await admin.get("/admin/fields").body.contains("停用"))
            #expect(try await platform.fields.fields(tenant: admin.tenant).first?.active == false)
            #expect(try await admin.get(path).has("field-activate"))
            #expect(try await admin.post("\(path)/activate", [:]).flash == "admin_activated")
            #expect(try await platform.fields.fields(tenant: admin.tenant).first?.active == true)
        }
    }

    @Test func aFormNamesItsFieldsAndTypesAndOnlyOneIsTheDefault() async throws {
        try await withAPI { platform, client in
            // given a field
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            _ = try await admin.post("/admin/fields", Self.dropdown)
            // a form naming an unknown field is refused by the fields box
            let unknown = try await admin.post(
                "/admin/forms",
                pairs: [("key", "repair"), ("name_zh_cn", "报修单"), ("field_keys", "no_such"), ("active", "on")])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text("error-field_keys") == "field_keys[0]: This is not one of your fields.")
            // when a default form for incidents with the field is created
            let created = try await admin.post(
                "/admin/forms",
                pairs: [
                    ("key", "repair"), ("name_zh_cn", "报修单"), ("name_en", "Repair"), ("ticket_types", "incident"),
                    ("ticket_types", "problem"), ("field_keys", "visit_type"), ("is_default", "on"), ("active", "on"),
                ])
            #expect(created.flash == "admin_created")
            let path = try #require(created.location)
            // then the API has it
            var form = try #require(
                (try await admin.api(.get, "/api/v1/ticket-forms").body["ticket_forms"] as? [[String: Any]])?.first)
            #expect(form["ticket_types"] as? [String] == ["incident", "problem"])
            #expect(form["field_keys"] as? [String] == ["visit_type"])
            #expect(form["is_default"] as? Bool == true)
            #expect(try await admin.get("/admin/forms").body.contains("Incident, Problem"))
            // and a second default is refused by its box
            let second = try await admin.post(
                "/admin/forms",
                pairs: [("key", "returns"), ("name_en", "Returns"), ("is_default", "on"), ("active", "on")])
            #expect(second.text("error-is_default") == "Another form is already the default.")
            // when the form is edited to every type and deactivated
            #expect(
                try await admin.post(path, pairs: [("name_zh_cn", "报修单"), ("field_keys", "visit_type")]).flash
                    == "admin_saved")
            form = try #require(
                (try await admin.api(.get, "/api/v1/ticket-forms").body["ticket_forms"] as? [[String: Any]])?.first)
            #expect((form["ticket_types"] as? [String])?.isEmpty == true)
            #expect(form["active"] as? Bool == false)
            #expect(form["key"] as? String == "repair")
        }
    }
}
