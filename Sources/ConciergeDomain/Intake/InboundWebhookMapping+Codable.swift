extension InboundWebhookMapping: Codable {
    enum CodingKeys: String, CodingKey {
        case subject, description, requester, priority, type, tags, conditions, required, asset
        case customFields = "custom_fields"
        case externalID = "external_id"
        case updateExisting = "update_existing"
    }

    /// Decodes a mapping; everything but `subject` and `requester` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            subject: try container.decode(InboundTemplate.self, forKey: .subject),
            description: try container.decodeIfPresent(InboundTemplate.self, forKey: .description),
            requester: try container.decode(InboundRequesterMapping.self, forKey: .requester),
            priority: try container.decodeIfPresent(InboundValueTable.self, forKey: .priority),
            type: try container.decodeIfPresent(InboundValueTable.self, forKey: .type),
            tags: try container.decodeIfPresent(InboundTagsMapping.self, forKey: .tags) ?? .init(),
            customFields: try container.decodeIfPresent([String: InboundValueSource].self, forKey: .customFields)
                ?? [:],
            externalID: try container.decodeIfPresent(InboundValueSource.self, forKey: .externalID),
            updateExisting: try container.decodeIfPresent(Bool.self, forKey: .updateExisting) ?? false,
            conditions: try container.decodeIfPresent([InboundCondition].self, forKey: .conditions) ?? [],
            required: try container.decodeIfPresent([PayloadPath].self, forKey: .required) ?? [],
            asset: try container.decodeIfPresent(InboundValueSource.self, forKey: .asset))
    }

    /// Encodes the mapping with snake_case keys, leaving out what is unset or empty.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subject, forKey: .subject)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encode(requester, forKey: .requester)
        try container.encodeIfPresent(priority, forKey: .priority)
        try container.encodeIfPresent(type, forKey: .type)
        if tags != .init() { try container.encode(tags, forKey: .tags) }
        if !customFields.isEmpty { try container.encode(customFields, forKey: .customFields) }
        try container.encodeIfPresent(externalID, forKey: .externalID)
        if updateExisting { try container.encode(updateExisting, forKey: .updateExisting) }
        if !conditions.isEmpty { try container.encode(conditions, forKey: .conditions) }
        if !required.isEmpty { try container.encode(required, forKey: .required) }
        try container.encodeIfPresent(asset, forKey: .asset)
    }
}
