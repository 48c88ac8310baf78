import ConciergeDomain
import Foundation

/// Decodes a JSON text the way the intake endpoint does.
func inboundPayload(_ json: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
}

/// The draft of a `.ticket` result, `nil` otherwise.
func draftOf(_ result: InboundWebhookResult) -> InboundTicketDraft? {
    if case .ticket(let draft) = result { draft } else { nil }
}

/// The error of an `.invalid` result, `nil` otherwise.
func invalidErrorOf(_ result: InboundWebhookResult) -> ValidationError? {
    if case .invalid(let error) = result { error } else { nil }
}

/// The reason of an `.ignored` result, `nil` otherwise.
func ignoredReasonOf(_ result: InboundWebhookResult) -> String? {
    if case .ignored(let reason) = result { reason } else { nil }
}

/// A mapping with only a subject and a fallback requester, for tests about one feature.
func minimalMapping(subject: InboundTemplate = "{{$.title}}") -> InboundWebhookMapping {
    InboundWebhookMapping(subject: subject, requester: InboundRequesterMapping(fallbackEmail: "ops@example.com"))
}
