/// What rules can read about the requester's organization (its id is on the ticket).
public struct OrganizationFacts: Sendable, Equatable {
    /// Display name, for `{{organization.name}}` and text conditions.
    public var name: String
    /// The organization's service tier (`gold`), a tenant-defined key.
    public var tier: String?
    /// The organization's tags, normalised like ``TicketTags``.
    public var tags: [String]

    /// Creates organization facts.
    public init(name: String, tier: String? = nil, tags: [String] = []) {
        self.name = name
        self.tier = tier
        self.tags = tags
    }
}
