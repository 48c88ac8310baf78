/// A test a payload must pass before it becomes a ticket, such as
/// `{"path": "$.status", "equals": "firing"}`; a payload failing any condition is ignored.
///
/// Values compare as JSON, and a string, number or boolean also equals another with the same
/// text, so `"5"` equals `5` (text comparison is case-sensitive). A missing value equals
/// nothing; `exists: true` asks for a value other than `null`. A `null` comparison value cannot
/// be written: use `exists: false`.
public struct InboundCondition: Sendable, Equatable, Codable {
    /// The comparison; exactly one per condition.
    public enum Test: Sendable, Equatable {
        /// The value equals this one (JSON key `equals`).
        case equals(JSONValue)
        /// The value is missing or differs from this one (JSON key `not_equals`).
        case notEquals(JSONValue)
        /// The value equals one of these (JSON key `in`).
        case oneOf([JSONValue])
        /// The value is present and not `null` (`true`), or not (`false`) (JSON key `exists`).
        case exists(Bool)
    }

    /// The most values an `in` list may hold.
    public static let maxValues = 100

    /// Where the tested value is.
    public var path: PayloadPath
    /// How it is tested.
    public var test: Test

    /// Creates a condition.
    public init(path: PayloadPath, _ test: Test) {
        self.path = path
        self.test = test
    }

    enum CodingKeys: String, CodingKey {
        case path, equals, exists
        case notEquals = "not_equals"
        case oneOf = "in"
    }

    /// Decodes `{path, equals | not_equals | in | exists}`; anything but exactly one test is a
    /// decoding error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(PayloadPath.self, forKey: .path)
        var tests: [Test] = []
        if let value = try container.decodeIfPresent(JSONValue.self, forKey: .equals) { tests.append(.equals(value)) }
        if let value = try container.decodeIfPresent(JSONValue.self, forKey: .notEquals) {
            tests.append(.notEquals(value))
        }
        if let values = try container.decodeIfPresent([JSONValue].self, forKey: .oneOf) { tests.append(.oneOf(values)) }
        if let flag = try container.decodeIfPresent(Bool.self, forKey: .exists) { tests.append(.exists(flag)) }
        guard tests.count == 1, let test = tests.first else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "a condition needs exactly one of equals, not_equals, in, exists"))
        }
        self.test = test
    }

    /// Encodes the condition in the form it decodes from.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        switch test {
        case .equals(let value): try container.encode(value, forKey: .equals)
        case .notEquals(let value): try container.encode(value, forKey: .notEquals)
        case .oneOf(let values): try container.encode(values, forKey: .oneOf)
        case .exists(let flag): try container.encode(flag, forKey: .exists)
        }
    }

    /// Checks the path and the `in` list.
    /// - Throws: ``ValidationError`` naming `<field>.path` or `<field>.in`.
    public func validate(field: String) throws(ValidationError) {
        try path.validate(field: "\(field).path")
        if case .oneOf(let values) = test, values.isEmpty || values.count > Self.maxValues {
            throw ValidationError(
                field: "\(field).in", code: "invalid_list", message: "must hold 1 to \(Self.maxValues) values")
        }
    }

    /// Whether `payload` passes.
    public func holds(for payload: JSONValue) -> Bool {
        let actual = path.value(in: payload)
        switch test {
        case .equals(let expected): return Self.matches(actual, expected)
        case .notEquals(let expected): return !Self.matches(actual, expected)
        case .oneOf(let values): return values.contains { Self.matches(actual, $0) }
        case .exists(let flag): return (actual != nil && actual != .null) == flag
        }
    }

    /// Why `payload` fails, for the `.ignored` reason: `$.status is "resolved", expected "firing"`.
    func failureReason(for payload: JSONValue) -> String {
        let found = path.value(in: payload).map { "is \($0.compactJSON)" } ?? "is missing"
        let expectation =
            switch test {
            case .equals(let value): "expected \(value.compactJSON)"
            case .notEquals(let value): "expected anything but \(value.compactJSON)"
            case .oneOf(let values): "expected one of \(JSONValue.array(values).compactJSON)"
            case .exists(let flag): flag ? "expected a value" : "expected no value"
            }
        return "\(path.text) \(found), \(expectation)"
    }

    private static func matches(_ actual: JSONValue?, _ expected: JSONValue) -> Bool {
        guard let actual else { return false }
        return actual == expected
            || (actual.isScalar && expected.isScalar && actual.inboundText == expected.inboundText)
    }
}
