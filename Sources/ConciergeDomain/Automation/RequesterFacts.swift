/// What rules can read about a ticket's requester, gathered by the caller from the customer
/// record.
public struct RequesterFacts: Sendable, Equatable {
    /// Display name, for `{{requester.name}}` and `{{requester.first_name}}`.
    public var name: String
    /// Email address, if the customer has one (WeChat and phone customers often do not).
    public var email: String?
    /// The customer's service tier (`vip`), a tenant-defined key.
    public var tier: String?
    /// The customer's tags, normalised like ``TicketTags``.
    public var tags: [String]
    /// Preferred language (`zh-CN`, `en`).
    public var locale: String?

    /// Creates requester facts; everything but the name is optional.
    public init(name: String, email: String? = nil, tier: String? = nil, tags: [String] = [], locale: String? = nil) {
        self.name = name
        self.email = email
        self.tier = tier
        self.tags = tags
        self.locale = locale
    }
}
