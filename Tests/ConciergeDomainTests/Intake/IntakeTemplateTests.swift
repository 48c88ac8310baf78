import ConciergeDomain
import Testing

@Suite("InboundTemplate rendering")
struct IntakeTemplateTests {
    private let payload: JSONValue = .object([
        "title": .string("  Disk full on db-1  "),
        "severity": .string("Critical"),
        "count": .number(3),
        "ratio": .number(0.25),
        "big": .number(1e20),
        "negative": .number(-42),
        "flag": .bool(true),
        "nothing": .null,
        "empty": .string(""),
        "labels": .array([.string("db"), .string("prod"), .number(7)]),
        "none": .array([]),
        "meta": .object(["b": .number(2), "a": .string("x\"y")]),
        "中文": .string("订单已付款"),
    ])

    private func render(_ template: InboundTemplate) throws -> String {
        try template.validate(field: "t")
        return template.render(payload)
    }

    @Test(
        "values render as text",
        arguments: [
            ("{{$.count}}", "3"),
            ("{{$.ratio}}", "0.25"),
            ("{{$.negative}}", "-42"),
            ("{{$.big}}", "1e+20"),
            ("{{$.flag}}", "true"),
            ("{{$.nothing}}", ""),
            ("{{$.missing}}", ""),
            ("{{$.labels}}", "db, prod, 7"),
            ("{{$.meta}}", #"{"a":"x\"y","b":2}"#),
            ("{{$.中文}}", "订单已付款"),
        ])
    func valueText(template: String, expected: String) throws {
        #expect(try render(InboundTemplate(template)) == expected)
    }

    @Test("text and placeholders mix, with spaces inside braces ignored")
    func mixedText() throws {
        #expect(try render("[{{ $.severity }}] {{$.count}} alerts") == "[Critical] 3 alerts")
    }

    @Test("a template without placeholders renders as written")
    func literalOnly() throws {
        #expect(try render("Webhook ping") == "Webhook ping")
    }

    @Test(
        "filters transform the value",
        arguments: [
            ("{{$.severity | upper}}", "CRITICAL"),
            ("{{$.severity | lower}}", "critical"),
            ("{{$.title | trim}}", "Disk full on db-1"),
            ("{{$.title | trim | truncate: 4}}", "Disk"),
            ("{{$.中文 | truncate: 2}}", "订单"),
            ("{{$.count | truncate: 10}}", "3"),
            (#"{{$.labels | join: " / "}}"#, "db / prod / 7"),
            ("{{$.labels | join}}", "db, prod, 7"),
            ("{{$.labels | json}}", #"["db","prod",7]"#),
            ("{{$.meta | json}}", #"{"a":"x\"y","b":2}"#),
            ("{{$.title | json}}", #""  Disk full on db-1  ""#),
            ("{{$.count | json}}", "3"),
            ("{{$.severity | join: \"-\"}}", "Critical"),
        ])
    func filters(template: String, expected: String) throws {
        #expect(try render(InboundTemplate(template)) == expected)
    }

    @Test(
        "default stands in for missing, null, empty text and empty arrays only",
        arguments: [
            (#"{{$.missing | default: "未知"}}"#, "未知"),
            (#"{{$.nothing | default: "未知"}}"#, "未知"),
            (#"{{$.empty | default: "未知"}}"#, "未知"),
            (#"{{$.none | default: "none"}}"#, "none"),
            (#"{{$.count | default: "未知"}}"#, "3"),
            ("{{$.missing | default: 'single quoted'}}", "single quoted"),
            ("{{$.missing | default: n/a}}", "n/a"),
            (#"{{$.missing | default: "a | b }}"}}"#, "a | b }}"),
            (#"{{$.missing | default: "unknown" | upper}}"#, "UNKNOWN"),
        ])
    func defaultFilter(template: String, expected: String) throws {
        #expect(try render(InboundTemplate(template)) == expected)
    }

    @Test("filters on a missing value keep it missing")
    func filtersOnMissing() throws {
        #expect(try render("<{{$.missing | upper | json | join: \",\"}}>") == "<>")
    }

    @Test("paths lists the placeholders' paths in order")
    func paths() {
        let template: InboundTemplate = "{{$.a}} and {{$.b | upper}}"
        #expect(template.paths == [PayloadPath("$.a"), PayloadPath("$.b")])
    }
}
