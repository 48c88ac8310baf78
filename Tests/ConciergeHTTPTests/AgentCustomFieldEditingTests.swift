import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConciergeHTTP

/// Editing a ticket's custom fields in the ticket page's properties form.
@Suite struct AgentCustomFieldEditingTests {
    static let actor = Actor.system("t")

    /// A tenant's fields of every kind the form edits, and a ticket with some values set.
    static func ticketWithFields(_ platform: Platform, _ browser: AgentBrowser) async throws -> Ticket {
        let fields: [CustomFieldDefinition] = [
            .init(
                id: .init(), key: "serial", labels: .init(zhCN: "序列号", en: "Serial"), type: .regex,
                pattern: "SN-[0-9]{4}", position: 0),
            .init(id: .init(), key: "units", labels: .init(zhCN: "数量", en: "Units"), type: .integer, position: 1),
            .init(
                id: .init(), key: "fault", labels: .init(zhCN: "故障类型", en: "Fault"), type: .dropdown,
                options: [
                    .init(value: "jam", labels: .init(zhCN: "卡纸", en: "Paper jam")),
                    .init(value: "leak", labels: .init(zhCN: "漏水", en: "Leak")),
                ], position: 2),
            .init(id: .init(), key: "onsite", labels: .init(zhCN: "需上门", en: "On site"), type: .checkbox, position: 3),
            .init(
                id: .init(), key: "parts", labels: .init(zhCN: "备件", en: "Parts"), type: .multiSelect,
                options: [
                    .init(value: "seal", labels: .init(zhCN: "密封圈", en: "Seal")),
                    .init(value: "pump", labels: .init(zhCN: "泵", en: "Pump")),
                ], position: 4),
            .init(id: .init(), key: "visit", labels: .init(zhCN: "上门时间", en: "Visit"), type: .datetime, position: 5),
            .init(id: .init(), key: "bought", labels: .init(zhCN: "购买日期", en: "Bought"), type: .date, position: 6),
            .init(
                id: .init(), key: "retired", labels: .init(zhCN: "停用字段", en: "Retired"), type: .text, position: 7,
                active: false),
        ]
        for field in fields {
            _ = try await platform.fields.create(field, actor: actor, tenant: browser.tenant)
        }
        return try await platform.tickets.create(
            NewTicket(
                subject: "泵漏水", description: "二号车间",
                requester: .contact(email: "r@example.cn", phone: nil, name: "任"),
                customFields: ["units": .number(2), "onsite": .bool(true), "parts": .array([.string("seal")])]),
            actor: actor, tenant: browser.tenant)
    }

    /// What the properties form posts when nothing is touched: its own current values.
    static func unchangedForm(_ ticket: Ticket) -> [(String, String)] {
        [
            ("version", "\(ticket.version)"), ("status", ticket.status.rawValue),
            ("priority", ticket.priority.rawValue), ("assignee_id", ""), ("group_id", ""),
            ("cf_fields", "serial"), ("cf.serial", ""), ("cf_fields", "units"), ("cf.units", "2"),
            ("cf_fields", "fault"), ("cf.fault", ""), ("cf_fields", "onsite"), ("cf.onsite", "true"),
            ("cf_fields", "parts"), ("cf.parts", "seal"), ("cf_fields", "visit"), ("cf.visit", ""),
            ("cf_fields", "bought"), ("cf.bought", ""),
        ]
    }

    static func replacing(_ form: [(String, String)], _ changes: [String: String?]) -> [(String, String)] {
        var result = form.filter { changes[$0.0] == nil }
        for (name, value) in changes {
            if let value { result.append((name, value)) }
        }
        return result
    }

    @Test func theFormShowsEachActiveFieldWithItsValue() async throws {
        try await withAPI { platform, client in
            let browser = try await AgentBrowser.signIn(platform, client, locale: .en)
            let ticket = try await Self.ticketWithFields(platform, browser)
            let page = try await browser.get("/agent/tickets/\(ticket.number)")
            #expect(page.body.contains(#"<input type="text" inputmode="decimal" name="cf.units" value="2""#))
            #expect(page.body.contains(#"<input type="checkbox" name="cf.onsite" value="true" checked"#))
            #expect(
                page.body.contains(#"<option value="seal" selected>Seal</option><option value="pump">Pump</option>"#))
            #expect(page.body.contains(#"<option value="" selected>"#))  // the dropdown has no value yet
            #expect(page.body.contains(#"type="datetime-local" name="cf.visit""#))
            #expect(!page.body.contains("cf.retired"))
        }
    }

    @Test func savingChangesOnlyTheFieldsTheAgentChangedAndReadsTimesInTheTenantsZone() async throws {
        try await withAPI { platform, client in
            let browser = try await AgentBrowser.signIn(platform, client, locale: .en)
            let ticket = try await Self.ticketWithFields(platform, browser)
            let path = "/agent/tickets/\(ticket.number)/update"
            // the untouched form saves nothing
            let untouched = try await browser.post(path, pairs: Self.unchangedForm(ticket))
            #expect(untouched.cookie("concierge_flash") == "nothing_changed")
            #expect(try await platform.tickets.get(.id(ticket.id), tenant: browser.tenant).version == ticket.version)
            // a changed form sets, clears and unticks
            let changed = Self.replacing(
                Self.unchangedForm(ticket),
                [
                    "cf.serial": "SN-0042", "cf.units": "", "cf.fault": "leak", "cf.onsite": nil, "cf.parts": nil,
                    "cf.visit": "2026-11-25T09:30", "cf.bought": "2025-06-01",
                ])
            let saved = try await browser.post(path, pairs: changed + [("cf.parts", "pump"), ("cf.parts", "seal")])
            #expect(saved.cookie("concierge_flash") == "ticket_updated")
            let after = try await platform.tickets.get(.id(ticket.id), tenant: browser.tenant)
            #expect(after.customFields["serial"] == .string("SN-0042"))
            #expect(after.customFields["units"] == nil)
            #expect(after.customFields["fault"] == .string("leak"))
            #expect(after.customFields["onsite"] == .bool(false))
            #expect(after.customFields["parts"] == .array([.string("seal"), .string("pump")]))
            #expect(after.customFields["visit"] == .string("2026-11-25T01:30:00Z"))  // 09:30 in Shanghai
            #expect(after.customFields["bought"] == .string("2025-06-01"))
            // and the page shows the time as it was typed
            let page = try await browser.get("/agent/tickets/\(ticket.number)")
            #expect(page.body.contains(#"name="cf.visit" value="2026-11-25T09:30""#))
        }
    }

    @Test func aRefusedValueSavesNothingAndMarksItsField() async throws {
        try await withAPI { platform, client in
            let browser = try await AgentBrowser.signIn(platform, client, locale: .en)
            let ticket = try await Self.ticketWithFields(platform, browser)
            // a status change together with a serial number that misses the pattern
            let form = Self.replacing(Self.unchangedForm(ticket), ["status": "open", "cf.serial": "12345"])
            let refused = try await browser.post("/agent/tickets/\(ticket.number)/update", pairs: form)
            #expect(refused.status == .seeOther)
            let flash = try #require(refused.cookie("concierge_flash"))
            #expect(flash == "field_refused.serial")
            let unchanged = try await platform.tickets.get(.id(ticket.id), tenant: browser.tenant)
            #expect(unchanged.status == .new && unchanged.customFields["serial"] == nil)
            let page = try await browser.get(
                "/agent/tickets/\(ticket.number)", extraCookie: "concierge_flash=\(flash)")
            #expect(page.body.contains("A field value was not accepted, so nothing was saved."))
            #expect(page.body.contains(#"name="cf.serial" value="" aria-invalid="true""#))
            #expect(page.body.components(separatedBy: #"data-testid="field-error""#).count == 2)
            // a whole number field given words is refused the same way
            let words = Self.replacing(Self.unchangedForm(ticket), ["cf.units": "two"])
            let refusedWords = try await browser.post("/agent/tickets/\(ticket.number)/update", pairs: words)
            #expect(refusedWords.cookie("concierge_flash") == "field_refused.units")
        }
    }

    @Test func aTicketOfAFormOffersOnlyThatFormsFields() async throws {
        try await withAPI { platform, client in
            let browser = try await AgentBrowser.signIn(platform, client, locale: .en)
            _ = try await Self.ticketWithFields(platform, browser)
            _ = try await platform.fields.create(
                TicketForm(
                    id: .init(), key: "repair", names: .init(zhCN: "报修", en: "Repair"), fieldKeys: ["fault", "units"]),
                actor: Self.actor, tenant: browser.tenant)
            let ticket = try await platform.tickets.create(
                NewTicket(
                    subject: "报修", description: "…", requester: .contact(email: "r@example.cn", phone: nil, name: "任"),
                    formKey: "repair"),
                actor: Self.actor, tenant: browser.tenant)
            let page = try await browser.get("/agent/tickets/\(ticket.number)")
            #expect(page.body.contains("cf.fault") && page.body.contains("cf.units"))
            #expect(!page.body.contains("cf.serial") && !page.body.contains("cf.visit"))
        }
    }

    @Test func aFlashFieldIsOnlyEverAFieldKey() {
        #expect(WebFlash.isFieldKey("serial_no_2"))
        #expect(!WebFlash.isFieldKey("<script>") && !WebFlash.isFieldKey("") && !WebFlash.isFieldKey("A"))
        #expect(!WebFlash.isFieldKey(String(repeating: "a", count: 65)))
        #expect(WebFlash.fieldRefused.cookie(secure: false, field: "x\"y").value == "field_refused")
    }

    @Test func localDateTimesRoundTripThroughTheTenantsZone() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let instant = try #require(
            AgentTicketFieldEditor.instant(localDateTime: "2026-11-25T09:30", timeZone: shanghai))
        #expect(instant.formatted(.iso8601) == "2026-11-25T01:30:00Z")
        #expect(AgentTicketFieldEditor.localDateTime(instant, timeZone: shanghai) == "2026-11-25T09:30")
        #expect(AgentTicketFieldEditor.instant(localDateTime: "2026-02-30T09:30", timeZone: shanghai) == nil)
        #expect(AgentTicketFieldEditor.instant(localDateTime: "soon", timeZone: shanghai) == nil)
        #expect(AgentTicketFieldEditor.value("soon", type: .datetime, timeZone: shanghai) == .string("soon"))
        #expect(AgentTicketFieldEditor.value(" 12 ", type: .integer, timeZone: shanghai) == .number(12))
    }
}
