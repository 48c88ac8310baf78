/// What rules can read about the comment that caused an evaluation (usually the latest one).
public struct CommentFacts: Sendable, Equatable {
    /// Who wrote a comment, as far as rules care.
    public enum AuthorKind: String, Sendable, Codable, CaseIterable {
        /// A user of the tenant (an agent or an administrator).
        case agent
        /// The requester or another end customer.
        case customer
        /// The platform itself (a rule, an integration).
        case system
    }

    /// The comment text as written.
    public var body: String
    /// Whether the requester sees the comment (`false` for an internal note).
    public var isPublic: Bool
    /// Who wrote it.
    public var author: AuthorKind

    /// Creates the facts of one comment.
    public init(body: String, isPublic: Bool, author: AuthorKind) {
        self.body = body
        self.isPublic = isPublic
        self.author = author
    }
}
