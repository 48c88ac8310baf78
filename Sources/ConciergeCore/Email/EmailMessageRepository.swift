import ConciergeDomain
import Foundation

/// One email a tenant received or sent, by Message-ID.
public struct EmailRecord: Sendable, Equatable {
    /// Received (`in`) or sent (`out`).
    public enum Direction: String, Sendable {
        case inbound = "in"
        case outbound = "out"
    }

    public var messageID: String
    public var direction: Direction
    /// The mailbox connector it arrived through.
    public var connectorID: ConnectorID?
    public var ticketID: TicketID?
    public var commentID: CommentID?
    /// The sender's address (normalised), for the per-sender rate.
    public var sender: String?
    /// What became of it: `created`, `replied`, `follow_up`, `sent`, or `dropped`.
    public var outcome: String
    /// Why it was dropped (`automatic: bounce`, `sender_rate`, `no_sender`).
    public var reason: String?
    public var createdAt: Date

    public init(
        messageID: String, direction: Direction, connectorID: ConnectorID?, ticketID: TicketID?, commentID: CommentID?,
        sender: String?, outcome: String, reason: String?, createdAt: Date
    ) {
        self.messageID = messageID
        self.direction = direction
        self.connectorID = connectorID
        self.ticketID = ticketID
        self.commentID = commentID
        self.sender = sender
        self.outcome = outcome
        self.reason = reason
        self.createdAt = createdAt
    }
}

/// Where the poller stopped in one IMAP mailbox.
public struct MailboxCursor: Sendable, Equatable {
    /// The folder's UIDVALIDITY when `lastUID` was read.
    public var uidValidity: UInt32?
    /// The last UID turned into tickets (0: none yet).
    public var lastUID: UInt32
    public var polledAt: Date?
    /// The last poll's failure, shown to admins; `nil` after a successful poll.
    public var lastError: String?

    public init(uidValidity: UInt32?, lastUID: UInt32, polledAt: Date?, lastError: String?) {
        self.uidValidity = uidValidity
        self.lastUID = lastUID
        self.polledAt = polledAt
        self.lastError = lastError
    }
}

/// Emails by Message-ID and the IMAP cursors, within one tenant transaction.
public protocol EmailMessageRepository: Sendable {
    /// Inserts `record` unless its Message-ID is known. - Returns: whether it was inserted.
    func insert(_ record: EmailRecord) async throws -> Bool
    func find(messageID: String) async throws -> EmailRecord?
    /// The ticket of the newest known message among `messageIDs`.
    func ticket(referencedBy messageIDs: [String]) async throws -> TicketID?
    /// The mailbox the newest message received for `ticket` came through.
    func latestMailbox(of ticket: TicketID) async throws -> ConnectorID?
    /// The newest `limit` Message-IDs (received and sent) of `ticket`, oldest first.
    func messageIDs(of ticket: TicketID, limit: Int) async throws -> [String]
    /// Messages received from `sender` since `date`, dropped ones included.
    func receivedCount(from sender: String, since date: Date) async throws -> Int
    func cursor(of mailbox: ConnectorID) async throws -> MailboxCursor?
    func saveCursor(_ cursor: MailboxCursor, of mailbox: ConnectorID) async throws
}

/// The external ids inbound webhooks turned into tickets, within one tenant transaction.
public protocol WebhookIntakeRepository: Sendable {
    /// The ticket of `externalID` at `connector`, if it was seen (`.some(nil)`: seen, ticket gone).
    func ticket(of externalID: String, connector: ConnectorID) async throws -> TicketID??
    /// Records `externalID` as `ticket`'s. - Returns: `false` when it was recorded already.
    func record(_ externalID: String, connector: ConnectorID, ticket: TicketID, at: Date) async throws -> Bool
}
