/// How an SMS gateway says it accepted a message: always a 2xx status, and optionally a field of
/// its JSON answer with a given value (e.g. `code` equal to `"OK"`).
public struct SMSSuccessRule: Sendable, Equatable {
    /// A dot-separated path into the JSON answer (`code`, `result.status`, `data.0.code` — a number
    /// indexes an array); `nil` when the status alone decides.
    public var jsonPath: String?
    /// The value at ``jsonPath`` that means success, compared as text (`0` matches the number 0);
    /// `nil` when the field only has to be present.
    public var expectedValue: String?
    /// Values at ``jsonPath`` that mean "busy or throttled, try later" (e.g. a business rate limit).
    public var retryableValues: [String]

    /// Creates a rule.
    public init(jsonPath: String? = nil, expectedValue: String? = nil, retryableValues: [String] = []) {
        self.jsonPath = jsonPath
        self.expectedValue = expectedValue
        self.retryableValues = retryableValues
    }

    /// Success is any 2xx.
    public static let statusOnly = SMSSuccessRule()

    /// Success is a 2xx whose JSON has `value` at `path`.
    public static func jsonField(_ path: String, equals value: String, retryableValues: [String] = []) -> Self {
        Self(jsonPath: path, expectedValue: value, retryableValues: retryableValues)
    }
}
