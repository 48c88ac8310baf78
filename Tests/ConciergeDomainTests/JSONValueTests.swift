import ConciergeDomain
import Foundation
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    static let values: [JSONValue] = [
        .null,
        .bool(true),
        .bool(false),
        .number(0),
        .number(1),
        .number(-3),
        .number(1.5),
        .number(1e300),
        .string(""),
        .string("true"),
        .string("1"),
        .string("null"),
        .string("售后服务组"),
        .array([]),
        .array([.null, .bool(false), .number(2), .string("x"), .array([.number(3)])]),
        .object([:]),
        .object(["name": .string("张三"), "tags": .array([.string("vip")]), "age": .number(30), "ok": .bool(true)]),
        .object(["nested": .object(["deeper": .object(["value": .null])])]),
    ]

    @Test(arguments: values)
    func jsonValueRoundTripsThroughJSON(_ value: JSONValue) throws {
        // when
        let data = try JSONEncoder().encode(value)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: data)
        // then
        #expect(decoded == value)
    }

    @Test(arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .number(0)),
        ("1", .number(1)),
        ("-2.25", .number(-2.25)),
        (#""1""#, .string("1")),
        (#""true""#, .string("true")),
        ("[]", .array([])),
        ("{}", .object([:])),
        (
            #"{"a":[1,true,null,"x"],"b":{"c":"d"}}"#,
            .object(["a": .array([.number(1), .bool(true), .null, .string("x")]), "b": .object(["c": .string("d")])])
        ),
    ])
    func jsonValueDecodesEachJSONKind(_ json: String, _ expected: JSONValue) throws {
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) == expected)
    }

    @Test(arguments: [
        (JSONValue.null, "null"),
        (.bool(true), "true"),
        (.number(2), "2"),
        (.string("a"), #""a""#),
        (.array([.number(1), .null]), "[1,null]"),
        (.object(["k": .string("v")]), #"{"k":"v"}"#),
    ])
    func jsonValueEncodesAsPlainJSON(_ value: JSONValue, _ json: String) throws {
        #expect(String(decoding: try JSONEncoder().encode(value), as: UTF8.self) == json)
    }

    @Test(arguments: [
        (JSONValue.string("x"), "x" as String?),
        (.string(""), ""),
        (.number(1), nil),
        (.null, nil),
        (.bool(true), nil),
        (.array([.string("x")]), nil),
        (.object(["x": .string("x")]), nil),
    ])
    func stringValueIsOnlyForStrings(_ value: JSONValue, _ expected: String?) {
        #expect(value.stringValue == expected)
    }
}
