/// The ticket an inbound webhook payload asks for, ready for the intake use case to store: it
/// looks up ``externalID`` to drop retries and, with ``updateExisting``, to add a comment to the
/// open ticket of the same event instead of opening another.
public struct InboundTicketDraft: Sendable, Equatable {
    /// The longest subject kept; longer ones are cut.
    public static let maxSubjectLength = 500
    /// The longest external id or asset tag accepted from a payload.
    public static let maxReferenceLength = 255

    /// One line, trimmed, 1–500 characters.
    public var subject: String
    /// The first comment (or the comment added to an existing ticket); `nil` when empty.
    public var description: String?
    /// Lowercased, valid email address.
    public var requesterEmail: String?
    /// Phone number as the payload gave it.
    public var requesterPhone: String?
    /// Display name as the payload gave it.
    public var requesterName: String?
    /// `nil`: the tenant's default.
    public var priority: TicketPriority?
    /// `nil`: the tenant's default.
    public var type: TicketType?
    /// Normalised tags, sorted, each once.
    public var tags: [String]
    /// Custom field key → string, number or boolean.
    public var customFields: [String: JSONValue]
    /// The source event's id, for de-duplication and threading.
    public var externalID: String?
    /// Whether an open ticket with the same ``externalID`` should get a comment instead.
    public var updateExisting: Bool
    /// The asset tag or serial number the ticket is about.
    public var assetTag: String?

    /// Creates a draft.
    public init(
        subject: String, description: String? = nil, requesterEmail: String? = nil, requesterPhone: String? = nil,
        requesterName: String? = nil, priority: TicketPriority? = nil, type: TicketType? = nil, tags: [String] = [],
        customFields: [String: JSONValue] = [:], externalID: String? = nil, updateExisting: Bool = false,
        assetTag: String? = nil
    ) {
        self.subject = subject
        self.description = description
        self.requesterEmail = requesterEmail
        self.requesterPhone = requesterPhone
        self.requesterName = requesterName
        self.priority = priority
        self.type = type
        self.tags = tags
        self.customFields = customFields
        self.externalID = externalID
        self.updateExisting = updateExisting
        self.assetTag = assetTag
    }
}
