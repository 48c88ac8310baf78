/// Encodes an action as `{"type": "<type_name>", "value": …}`, plus `"key"` for
/// `set_custom_field`, so that stored rows and configuration files stay readable and stable.
extension MacroAction: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, key, value
    }

    /// Decodes `{"type": …, "value": …}`; an unknown type or status is a decoding error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "set_status": self = .setStatus(try container.decode(TicketStatus.self, forKey: .value))
        case "set_priority": self = .setPriority(try container.decode(String.self, forKey: .value))
        case "set_type": self = .setType(try container.decode(TicketType.self, forKey: .value))
        case "assign_group": self = .assignGroup(try container.decode(String.self, forKey: .value))
        case "assign_user": self = .assignUser(try container.decode(String.self, forKey: .value))
        case "add_tags": self = .addTags(try container.decode([String].self, forKey: .value))
        case "remove_tags": self = .removeTags(try container.decode([String].self, forKey: .value))
        case "set_custom_field":
            self = .setCustomField(
                key: try container.decode(String.self, forKey: .key),
                value: try container.decodeIfPresent(JSONValue.self, forKey: .value) ?? .null)
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown macro action type '\(type)'")
        }
    }

    /// Encodes `{"type": …, "value": …}` (and `"key"` for a custom field).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typeName, forKey: .type)
        switch self {
        case .setStatus(let status): try container.encode(status, forKey: .value)
        case .setPriority(let priority): try container.encode(priority, forKey: .value)
        case .setType(let type): try container.encode(type, forKey: .value)
        case .assignGroup(let key): try container.encode(key, forKey: .value)
        case .assignUser(let email): try container.encode(email, forKey: .value)
        case .addTags(let tags), .removeTags(let tags): try container.encode(tags, forKey: .value)
        case .setCustomField(let key, let value):
            try container.encode(key, forKey: .key)
            try container.encode(value, forKey: .value)
        }
    }
}
