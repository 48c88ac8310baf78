import ConciergeDomain
import Testing

@Suite("PayloadPath")
struct IntakePayloadPathTests {
    private let payload: JSONValue = .object([
        "alert": .object(["title": .string("Disk full"), "severity": .string("critical"), "note": .null]),
        "items": .array([.object(["code": .string("A1")]), .object(["code": .string("B2")])]),
        "key with spaces": .string("spaced"),
        "say \"hi\"": .string("quoted"),
        "收货人": .object(["姓名": .string("王小明")]),
    ])

    @Test(
        "paths find what they name",
        arguments: [
            ("$.alert.title", JSONValue.string("Disk full")),
            ("$.items[0].code", .string("A1")),
            ("$.items[1].code", .string("B2")),
            ("$.items[-1].code", .string("B2")),
            (#"$["key with spaces"]"#, .string("spaced")),
            ("$['key with spaces']", .string("spaced")),
            (#"$["say \"hi\""]"#, .string("quoted")),
            ("$.收货人.姓名", .string("王小明")),
            (#"$["alert"]["severity"]"#, .string("critical")),
            ("$.items[*].code", .array([.string("A1"), .string("B2")])),
            ("  $.alert.title  ", .string("Disk full")),
        ])
    func resolves(path: String, expected: JSONValue) throws {
        // given
        let parsed = PayloadPath(path)
        // when
        try parsed.validate(field: "path")
        // then
        #expect(parsed.value(in: payload) == expected)
    }

    @Test("$ alone is the whole payload")
    func root() {
        #expect(PayloadPath("$").value(in: payload) == payload)
    }

    @Test(
        "missing keys, out-of-range indices and wrong shapes find nothing",
        arguments: ["$.alert.missing", "$.items[2].code", "$.items[-3]", "$.alert[0]", "$.items.code", "$.nope.deeper"])
    func missing(path: String) {
        #expect(PayloadPath(path).value(in: payload) == nil)
    }

    @Test("a null value is found as null, unlike a missing one")
    func nullIsPresent() {
        #expect(PayloadPath("$.alert.note").value(in: payload) == .null)
    }

    @Test(
        "malformed paths are refused with invalid_path naming the field",
        arguments: [
            "alert.title", "$.", "$.alert..title", "$[", "$[abc]", #"$["open"#, "$.items[0", "$.a b", "$..x",
        ])
    func malformed(path: String) {
        // when
        let error = validationError { try PayloadPath(path).validate(field: "mapping.asset") }
        // then
        #expect(error?.field == "mapping.asset")
        #expect(error?.code == "invalid_path")
        #expect(PayloadPath(path).value(in: payload) == nil)
    }

    @Test("the error says where parsing stopped")
    func errorPosition() {
        let error = validationError { try PayloadPath("$.items[x]").validate(field: "f") }
        #expect(error?.message.contains("at character 9") == true)
    }
}
