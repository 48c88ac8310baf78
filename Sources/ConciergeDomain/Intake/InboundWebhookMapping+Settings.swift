import Foundation

extension InboundWebhookMapping {
    /// The settings of an `inbound_webhook` connector: the mapping itself.
    static let settingKeys: Set<String> = [
        "subject", "description", "requester", "priority", "type", "tags", "custom_fields", "external_id",
        "update_existing", "conditions", "required", "asset",
    ]

    /// Reads and validates the mapping stored as a connector's settings.
    /// - Throws: ``ValidationError`` naming the setting (`settings.priority.values.P1`).
    public init(settings: [String: JSONValue]) throws(ValidationError) {
        let mapping: InboundWebhookMapping
        do {
            mapping = try JSONDecoder().decode(
                InboundWebhookMapping.self, from: try JSONEncoder().encode(JSONValue.object(settings)))
        } catch let error as DecodingError {
            throw Self.settingsError(error)
        } catch {
            throw ValidationError(field: "settings", code: "invalid_value", message: "is not a mapping")
        }
        do throws(ValidationError) { try mapping.validate() } catch {
            let field =
                error.field.hasPrefix("mapping.") ? "settings." + error.field.dropFirst("mapping.".count) : error.field
            throw ValidationError(field: field, code: error.code, message: error.message)
        }
        self = mapping
    }

    private static func settingsError(_ error: DecodingError) -> ValidationError {
        let (context, code, message): (DecodingError.Context?, String, String) =
            switch error {
            case .keyNotFound(let key, let context):
                (
                    DecodingError.Context(codingPath: context.codingPath + [key], debugDescription: ""), "required",
                    "is required"
                )
            case .typeMismatch(_, let context): (context, "invalid_type", "has the wrong type")
            case .valueNotFound(_, let context): (context, "required", "must not be empty")
            case .dataCorrupted(let context): (context, "invalid_value", context.debugDescription)
            @unknown default: (nil, "invalid_value", "is invalid")
            }
        let path = (context?.codingPath ?? []).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return ValidationError(field: "settings" + path, code: code, message: message)
    }
}
