import Foundation

/// A public reply (the requester sees it) or an internal note (agents only) on a ticket.
public struct Comment: Sendable, Equatable {
    public var id: CommentID
    public var tenantID: TenantID
    public var ticketID: TicketID
    public var author: CommentAuthor
    public var body: String
    /// Internal notes are `false` and never reach a customer through any API.
    public var isPublic: Bool
    public var channel: TicketChannel
    /// Users @mentioned in the body (notified).
    public var mentionIDs: [UserID]
    public var createdAt: Date

    public init(
        id: CommentID, tenantID: TenantID, ticketID: TicketID, author: CommentAuthor, body: String, isPublic: Bool,
        channel: TicketChannel, mentionIDs: [UserID], createdAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.ticketID = ticketID
        self.author = author
        self.body = body
        self.isPublic = isPublic
        self.channel = channel
        self.mentionIDs = mentionIDs
        self.createdAt = createdAt
    }

    /// The longest body a comment takes, in characters.
    public static let maxBodyLength = 65_536

    /// Trims and bounds a comment body (1–65,536 characters).
    public static func validatedBody(_ body: String) throws(ValidationError) -> String {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw ValidationError(field: "body", code: "required", message: "must not be empty")
        }
        guard trimmed.count <= maxBodyLength else {
            throw ValidationError(
                field: "body", code: "too_long", message: "must be at most \(maxBodyLength) characters")
        }
        return trimmed
    }

    /// The `@name` handles in `body`: `@` followed by letters, digits, `.`, `_`, `-` (Chinese
    /// letters included), lowercased, unique, in order of appearance.
    public static func mentionHandles(in body: String) -> [String] {
        var handles: [String] = []
        var current: String?
        func finish() {
            if let handle = current?.trimmingCharacters(in: CharacterSet(charactersIn: ".-_")), !handle.isEmpty,
                !handles.contains(handle.lowercased())
            {
                handles.append(handle.lowercased())
            }
            current = nil
        }
        var previous: Character = " "
        for character in body {
            // An `@` right after an ASCII letter or digit is part of an email address; after
            // Chinese text (no spaces between words) it starts a mention.
            if character == "@",
                !(previous.isASCII && (previous.isLetter || previous.isNumber || "._-".contains(previous)))
            {
                finish()
                current = ""
            } else if current != nil, character.isLetter || character.isNumber || "._-".contains(character) {
                current?.append(character)
            } else {
                finish()
            }
            previous = character
        }
        finish()
        return handles
    }
}

/// Who wrote a comment.
public enum CommentAuthor: Sendable, Equatable {
    case user(UserID)
    case customer(CustomerID)
    case system(String)
}
