import ConciergeDomain
import Foundation
import Testing

@Suite("InboundCondition")
struct IntakeConditionTests {
    private let payload: JSONValue = .object([
        "status": .string("firing"),
        "code": .number(5),
        "flag": .bool(false),
        "gone": .null,
        "empty": .string(""),
    ])

    @Test(
        "each test holds or fails as documented",
        arguments: [
            (InboundCondition(path: "$.status", .equals(.string("firing"))), true),
            (InboundCondition(path: "$.status", .equals(.string("Firing"))), false),
            (InboundCondition(path: "$.code", .equals(.string("5"))), true),
            (InboundCondition(path: "$.code", .equals(.number(5))), true),
            (InboundCondition(path: "$.flag", .equals(.string("false"))), true),
            (InboundCondition(path: "$.missing", .equals(.string(""))), false),
            (InboundCondition(path: "$.status", .notEquals(.string("resolved"))), true),
            (InboundCondition(path: "$.missing", .notEquals(.string("resolved"))), true),
            (InboundCondition(path: "$.status", .notEquals(.string("firing"))), false),
            (InboundCondition(path: "$.status", .oneOf([.string("firing"), .string("pending")])), true),
            (InboundCondition(path: "$.code", .oneOf([.number(1), .number(2)])), false),
            (InboundCondition(path: "$.status", .exists(true)), true),
            (InboundCondition(path: "$.empty", .exists(true)), true),
            (InboundCondition(path: "$.gone", .exists(true)), false),
            (InboundCondition(path: "$.gone", .exists(false)), true),
            (InboundCondition(path: "$.missing", .exists(false)), true),
        ])
    func holds(condition: InboundCondition, expected: Bool) {
        #expect(condition.holds(for: payload) == expected)
    }

    @Test(
        "conditions decode from {path, equals | not_equals | in | exists}",
        arguments: [
            (#"{"path": "$.status", "equals": "firing"}"#, InboundCondition.Test.equals(.string("firing"))),
            (#"{"path": "$.code", "not_equals": 3}"#, .notEquals(.number(3))),
            (#"{"path": "$.status", "in": ["a", "b"]}"#, .oneOf([.string("a"), .string("b")])),
            (#"{"path": "$.status", "exists": false}"#, .exists(false)),
        ])
    func decodes(json: String, test: InboundCondition.Test) throws {
        // when
        let condition = try JSONDecoder().decode(InboundCondition.self, from: Data(json.utf8))
        // then
        #expect(condition.test == test)
        #expect(try JSONDecoder().decode(InboundCondition.self, from: JSONEncoder().encode(condition)) == condition)
    }

    @Test(
        "a condition without exactly one test does not decode",
        arguments: [#"{"path": "$.a"}"#, #"{"path": "$.a", "equals": 1, "exists": true}"#])
    func needsOneTest(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(InboundCondition.self, from: Data(json.utf8))
        }
    }

    @Test("validation names the path and refuses an empty in list")
    func validation() {
        let badPath = validationError {
            try InboundCondition(path: "status", .exists(true)).validate(field: "mapping.conditions[0]")
        }
        let emptyList = validationError {
            try InboundCondition(path: "$.status", .oneOf([])).validate(field: "mapping.conditions[1]")
        }
        #expect(badPath?.field == "mapping.conditions[0].path")
        #expect(emptyList?.field == "mapping.conditions[1].in")
    }
}
