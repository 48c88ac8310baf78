/// What one poll found: the messages after the cursor, in UID order, and the cursor to keep
/// once they are safely stored.
///
/// The poller stores ``uidValidity`` and ``nextSinceUID`` only after it has created tickets for
/// ``messages``, so a crash in between fetches them again (at least once; duplicates are
/// recognised by their Message-ID).
public struct IMAPFetchBatch: Sendable, Hashable {
    /// The mailbox's UIDVALIDITY now; UIDs are only comparable under the same value.
    public let uidValidity: UInt32
    /// Whether the caller's UIDVALIDITY differed from the mailbox's: its cursor meant other
    /// messages, so it was dropped and this batch started over with the unseen messages.
    public let uidValidityChanged: Bool
    /// The messages found, in ascending UID order, at most the `limit` asked for.
    public let messages: [IMAPMessage]
    /// The cursor for the next poll: the highest UID in ``messages``, else the cursor passed in
    /// (`nil` when there was none, or when the UIDVALIDITY changed).
    public let nextSinceUID: UInt32?
    /// Whether more messages were waiting than this batch holds: poll again soon.
    public let hasMore: Bool

    /// Creates a batch; the client makes these.
    public init(
        uidValidity: UInt32, uidValidityChanged: Bool, messages: [IMAPMessage], nextSinceUID: UInt32?, hasMore: Bool
    ) {
        self.uidValidity = uidValidity
        self.uidValidityChanged = uidValidityChanged
        self.messages = messages
        self.nextSinceUID = nextSinceUID
        self.hasMore = hasMore
    }

    /// The UIDs of ``messages``, e.g. for ``IMAPClient/markSeen(uids:uidValidity:)``.
    public var uids: [UInt32] { messages.map(\.uid) }
}
