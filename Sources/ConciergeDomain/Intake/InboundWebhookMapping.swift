/// How one inbound webhook turns the JSON that an external system posts (a monitoring alert,
/// an IoT reading, a shop order) into a ticket, stored with the webhook and written in JSON or
/// YAML with snake_case keys:
///
/// ```yaml
/// subject: "[{{$.alerts[0].labels.severity | upper}}] {{$.alerts[0].annotations.summary}}"
/// requester: {fallback_email: alerts@example.com}
/// priority: {path: $.alerts[0].labels.severity, values: {critical: urgent, warning: high}, default: normal}
/// tags: {fixed: [monitoring], paths: [$.alerts[0].labels.team]}
/// external_id: $.alerts[0].fingerprint
/// update_existing: true
/// conditions: [{path: $.status, equals: firing}]
/// ```
///
/// Call ``validate()`` when the mapping is saved and ``map(_:)`` for each payload.
public struct InboundWebhookMapping: Sendable, Equatable {
    /// The most custom fields a mapping may fill.
    public static let maxCustomFields = 50
    /// The most conditions a mapping may test.
    public static let maxConditions = 20

    /// The ticket subject (required); rendered, put on one line, trimmed and cut to 500
    /// characters.
    public var subject: InboundTemplate
    /// The ticket description (the first comment); empty text means none.
    public var description: InboundTemplate?
    /// Who the ticket is from.
    public var requester: InboundRequesterMapping
    /// The ticket priority through a lookup table.
    public var priority: InboundValueTable?
    /// The ticket type through a lookup table.
    public var type: InboundValueTable?
    /// Fixed tags and tags from the payload.
    public var tags: InboundTagsMapping
    /// Custom field key → source; a path keeps a string, number or boolean as JSON, a template
    /// gives text. Missing, `null` and empty values leave the field unset.
    public var customFields: [String: InboundValueSource]
    /// Identifies the source event (an alert's fingerprint, an order number) so that a retry does
    /// not open a second ticket.
    public var externalID: InboundValueSource?
    /// Whether a payload whose external id matches an open ticket becomes a comment on it.
    public var updateExisting: Bool
    /// Tests that every payload must pass; one that fails is ignored, not refused.
    public var conditions: [InboundCondition]
    /// Paths that must hold a value other than `null`; a payload without one is refused.
    public var required: [PayloadPath]
    /// The asset tag or serial number the ticket is about, as text.
    public var asset: InboundValueSource?

    /// Creates a mapping; only the subject and the requester are needed.
    public init(
        subject: InboundTemplate, description: InboundTemplate? = nil, requester: InboundRequesterMapping,
        priority: InboundValueTable? = nil, type: InboundValueTable? = nil, tags: InboundTagsMapping = .init(),
        customFields: [String: InboundValueSource] = [:], externalID: InboundValueSource? = nil,
        updateExisting: Bool = false, conditions: [InboundCondition] = [], required: [PayloadPath] = [],
        asset: InboundValueSource? = nil
    ) {
        self.subject = subject
        self.description = description
        self.requester = requester
        self.priority = priority
        self.type = type
        self.tags = tags
        self.customFields = customFields
        self.externalID = externalID
        self.updateExisting = updateExisting
        self.conditions = conditions
        self.required = required
        self.asset = asset
    }
}
