import ConciergeDomain
import Foundation

/// One message read from a polled mailbox.
public struct FetchedMail: Sendable, Equatable {
    public var uid: UInt32
    public var raw: [UInt8]

    public init(uid: UInt32, raw: [UInt8]) {
        self.uid = uid
        self.raw = raw
    }
}

/// The messages of one read, in UID order.
public struct FetchedMailBatch: Sendable, Equatable {
    /// The folder's UIDVALIDITY now.
    public var uidValidity: UInt32
    public var messages: [FetchedMail]
    /// The cursor to continue from (the highest UID read).
    public var nextUID: UInt32
    /// Whether more messages wait beyond this batch.
    public var hasMore: Bool

    public init(uidValidity: UInt32, messages: [FetchedMail], nextUID: UInt32, hasMore: Bool) {
        self.uidValidity = uidValidity
        self.messages = messages
        self.nextUID = nextUID
        self.hasMore = hasMore
    }
}

/// Why a mailbox could not be read; `skipUID` names a message to step over (too large).
public struct MailboxReadError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public var skipUID: UInt32?

    public init(_ description: String, skipUID: UInt32? = nil) {
        self.description = description
        self.skipUID = skipUID
    }
}

/// Reads a mailbox over IMAP (implemented with ConciergeConnectors' client).
public protocol MailboxReader: Sendable {
    /// Reads up to `limit` messages after `cursor` (the unseen ones when there is none, or when
    /// the folder's UIDVALIDITY changed), hands them to `handle` and marks them seen once it
    /// returns; nothing is marked when it throws.
    /// - Throws: ``MailboxReadError``, or what `handle` throws.
    func read(
        _ imap: MailboxSettings.IMAPSettings, password: String, after cursor: MailboxCursor?, limit: Int,
        handle: @Sendable (FetchedMailBatch) async throws -> Void
    ) async throws -> FetchedMailBatch
}

/// The mailboxes of all tenants, for the poller and the inbound SMTP endpoint (owner's view).
public protocol MailboxDirectory: Sendable {
    /// Enabled IMAP mailboxes of active tenants.
    func polledMailboxes() async throws -> [(TenantID, ConnectorID)]
    /// The enabled mailbox that receives `address`, if any.
    func mailbox(for address: String) async throws -> (TenantID, ConnectorID)?
}
