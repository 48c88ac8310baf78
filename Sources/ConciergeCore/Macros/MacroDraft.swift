import ConciergeDomain

/// A macro as the API and `macros.yaml` describe it (no id).
public struct MacroDraft: Decodable, Sendable {
    /// The keys a document may use.
    public static let keys: Set<String> = Set(CodingKeys.allCases.map(\.rawValue))

    public var key: String?
    public var title: LocalizedText?
    public var actions: [MacroAction]?
    public var replyTemplate: String?
    public var replyIsPublic: Bool?
    public var active: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case key, title, actions, active
        case replyTemplate = "reply_template"
        case replyIsPublic = "reply_is_public"
    }

    /// The macro this draft describes, over `existing` when updating.
    public func macro(updating existing: Macro?) throws(ValidationError) -> Macro {
        guard let key = key ?? existing?.key else { throw .missing("key") }
        guard let title = title ?? existing?.title else { throw .missing("title") }
        return Macro(
            id: existing?.id ?? MacroID(), key: key, title: title, actions: actions ?? existing?.actions ?? [],
            replyTemplate: replyTemplate ?? existing?.replyTemplate,
            replyIsPublic: replyIsPublic ?? existing?.replyIsPublic ?? true, active: active ?? existing?.active ?? true)
    }
}
