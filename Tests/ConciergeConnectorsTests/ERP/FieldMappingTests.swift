import ConciergeConnectors
import Foundation
import Testing

@Suite("Field mapping: JSON paths, transforms, dates and templates")
struct FieldMappingTests {
    static var record: Any {
        try! JSONSerialization.jsonObject(
            with: Data(
                #"""
                {"Account": {"Name": "  Acme 上海  "}, "properties": {"email": " Mei@Example.COM ", "amount": "12.50"},
                 "items": [{"code": "P-1"}, {"code": "P-2"}], "odd key": 3, "tier": "2", "flag": true, "nothing": null,
                 "FModifyDate": "2024-05-01T10:20:30.123", "write_date": "2024-05-01 02:20:30",
                 "hs": "1714530030000", "sf": "2024-05-01T02:20:30.000+0000", "day": "2024-05-01"}
                """#.utf8))
    }

    @Test("Paths reach members, nested members, array elements and quoted names")
    func paths() throws {
        // given
        let mapping = RecordMapping([
            FieldMapping("name", from: "$.Account.Name", .trim),
            FieldMapping("email", from: "$.properties.email", .trim, .lowercase),
            FieldMapping("second_part", from: "$.items[1].code"),
            FieldMapping("odd", from: "$['odd key']", .string),
            FieldMapping("flag", from: "$.flag"),
            FieldMapping("absent", from: "$.items[7].code"),
            FieldMapping("null", from: "$.nothing"),
        ])

        // when
        let fields = try mapping.map(Self.record)

        // then
        #expect(fields["name"] == .string("Acme 上海"))
        #expect(fields["email"] == .string("mei@example.com"))
        #expect(fields["second_part"] == .string("P-2"))
        #expect(fields["odd"] == .string("3"))
        #expect(fields["flag"] == .bool(true))
        #expect(fields["absent"] == nil && fields["null"] == nil)
    }

    @Test("number and map transforms, with and without a fallback")
    func numberAndMap() throws {
        let fields = try RecordMapping([
            FieldMapping("amount", from: "$.properties.amount", .number),
            FieldMapping("tier", from: "$.tier", .map(["1": "gold", "2": "silver"])),
            FieldMapping("other", from: "$['odd key']", .map([:], fallback: "standard")),
        ]).map(Self.record)
        #expect(fields["amount"] == .number(12.5))
        #expect(fields["tier"] == .string("silver"))
        #expect(fields["other"] == .string("standard"))
    }

    @Test("Dates: offset-less text in Asia/Shanghai by default, UTC when told, offsets and epoch millis as given")
    func dates() throws {
        // given: all of them name 2024-05-01T02:20:30Z
        let instant = Date(timeIntervalSince1970: 1_714_530_030)
        let fields = try RecordMapping([
            FieldMapping("kingdee", from: "$.FModifyDate", .date()),
            FieldMapping("odoo", from: "$.write_date", .date(timeZone: "UTC")),
            FieldMapping("hubspot", from: "$.hs", .date()),
            FieldMapping("salesforce", from: "$.sf", .date()),
            FieldMapping("day", from: "$.day", .date()),
        ]).map(Self.record)

        // then
        #expect(fields["kingdee"] == .date(instant.addingTimeInterval(0.123)))
        #expect(fields["odoo"] == .date(instant))
        #expect(fields["hubspot"] == .date(instant))
        #expect(fields["salesforce"] == .date(instant))
        // midnight in Shanghai is 16:00 UTC the day before
        #expect(fields["day"] == .date(Date(timeIntervalSince1970: 1_714_492_800)))
    }

    @Test(
        "Errors name the mapping entry",
        arguments: [
            (FieldMapping("customer_name", from: "$.Account.Missing", required: true), "no value at $.Account.Missing"),
            (FieldMapping("amount", from: "$.Account.Name", .number), "is not a number"),
            (FieldMapping("changed", from: "$.Account.Name", .date()), "is not a date"),
            (FieldMapping("zone", from: "$.write_date", .date(timeZone: "Mars/Olympus")), "unknown time zone"),
            (FieldMapping("tier", from: "$.tier", .map(["1": "gold"])), "not in the value table"),
            (FieldMapping("items", from: "$.items", .string), "an object or array"),
            (FieldMapping("broken", from: "Account.Name"), "bad path"),
        ])
    func errorsNameTheEntry(mapping: FieldMapping, problem: String) {
        // when
        let error = #expect(throws: FieldMappingError.self) { try RecordMapping([mapping]).map(Self.record) }

        // then
        #expect(error?.entry == mapping.target)
        #expect(error?.problem.contains(problem) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("field mapping '\(mapping.target)'") == true)
    }

    @Test("Templates keep the type of whole-string placeholders and interpolate the rest")
    func templates() throws {
        // given
        let template = JSONTemplate(
            #"{"Subject": "[{{ticket.number}}] {{ticket.subject}}", "Priority": "{{ticket.priority}}", "#
                + #""Lines": [{"qty": "{{qty}}"}], "AccountId": "{{ticket.organization_external_id}}", "Fixed": 1}"#)
        var values = TicketSummaryPayload(
            ticketNumber: "T-7", subject: "泵漏水 \"urgent\"", summary: "s", status: "open", priority: "high",
            openedAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0)
        ).templateValues
        values["qty"] = .number(2)

        // when
        let rendered = try template.render(values)

        // then
        #expect(rendered["Subject"] as? String == "[T-7] 泵漏水 \"urgent\"")
        #expect(rendered["Priority"] as? String == "high")
        #expect(((rendered["Lines"] as? [Any])?.first as? [String: Any])?["qty"] as? Int == 2)
        #expect(rendered["AccountId"] is NSNull)
        #expect(rendered["Fixed"] as? Int == 1)
    }

    @Test("An unknown placeholder is an error naming its location in the template")
    func unknownPlaceholder() {
        let template = JSONTemplate(#"{"Case": {"Lines": [{"x": "{{ticket.nope}}"}]}}"#)
        let error = #expect(throws: FieldMappingError.self) {
            try template.validate(names: TicketSummaryPayload.templateNames)
        }
        #expect(error?.entry == "$.Case.Lines[0].x")
        #expect(error?.problem.contains("{{ticket.nope}}") == true)
    }
}
