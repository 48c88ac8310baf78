import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Reads new mail from one IMAP mailbox (IMAP4rev1, RFC 3501), with async/await on SwiftNIO.
///
/// A poller keeps a cursor, the mailbox's UIDVALIDITY and the highest UID it has stored, and
/// advances it only after the messages are safely turned into tickets (at least once; a message
/// fetched twice is recognised by its Message-ID):
///
/// ```swift
/// let client = try IMAPClient(configuration: IMAPConfiguration(
///     host: "imap.example.com", username: "support@acme.example", password: secret))
/// let batch = try await client.processNew(sinceUID: cursor.uid, uidValidity: cursor.validity, limit: 20) {
///     batch in
///     try await tickets.store(batch.messages, cursor: (batch.uidValidity, batch.nextSinceUID))
/// }
/// if batch.hasMore { … poll again soon … }
/// ```
///
/// ``processNew(sinceUID:uidValidity:limit:markingSeen:_:)`` does it all on one connection and
/// sets `\Seen` only after the closure returns; ``fetchNew(sinceUID:uidValidity:limit:)`` and
/// ``markSeen(uids:uidValidity:)`` are the same two steps on a connection each.
///
/// Each call connects and runs: greeting, CAPABILITY, STARTTLS if configured, LOGIN, SELECT,
/// then its commands and LOGOUT. Without a cursor the unseen messages are fetched; with one, every
/// message above it. The client is a value holding the configuration and the TLS context, cheap
/// to share and safe to use from many tasks at once. Nothing here logs the password or a message.
public struct IMAPClient: Sendable {
    /// Where and how this client connects.
    public let configuration: IMAPConfiguration
    private let sslContext: NIOSSLContext?
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger

    /// Creates a client; nothing connects until a poll.
    ///
    /// - Parameters:
    ///   - configuration: The server, encryption, account, mailbox and limits.
    ///   - eventLoopGroup: Where connections run; the shared NIO group by default.
    ///   - logger: Receives debug and trace events (commands without the password, response codes).
    /// - Throws: ``IMAPError`` of kind ``IMAPError/Kind/invalidConfiguration`` when the TLS
    ///   configuration cannot be used, or plaintext is configured for a remote host.
    public init(
        configuration: IMAPConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "concierge.imap")
    ) throws(IMAPError) {
        self.configuration = configuration
        self.sslContext = try configuration.validatedSSLContext()
        self.eventLoopGroup = eventLoopGroup
        var logger = logger
        logger[metadataKey: "imap.server"] = "\(configuration.host):\(configuration.port)"
        logger[metadataKey: "imap.mailbox"] = "\(configuration.mailbox)"
        self.logger = logger
    }

    /// Fetches the messages after the cursor without changing anything in the mailbox.
    ///
    /// - Parameters:
    ///   - sinceUID: The highest UID already stored; `nil` fetches the unseen messages instead.
    ///   - uidValidity: The UIDVALIDITY `sinceUID` was taken under; when the mailbox's differs,
    ///     the cursor is dropped and the batch says so (``IMAPFetchBatch/uidValidityChanged``).
    ///   - limit: The most messages to return (at least one).
    /// - Throws: ``IMAPError``; for ``IMAPError/Kind/messageTooLarge`` its ``IMAPError/uid``
    ///   names the message, which the poller skips by using that UID as its cursor.
    public func fetchNew(sinceUID: UInt32?, uidValidity: UInt32?, limit: Int) async throws(IMAPError)
        -> IMAPFetchBatch
    {
        var session = try await open()
        do throws(IMAPError) {
            let batch = try await session.fetchBatch(sinceUID: sinceUID, uidValidity: uidValidity, limit: limit)
            await session.logout()
            return batch
        } catch {
            await session.logout()
            throw error
        }
    }

    /// Sets `\Seen` on messages fetched earlier, once they are stored.
    ///
    /// - Throws: ``IMAPError`` of kind ``IMAPError/Kind/uidValidityChanged`` when the mailbox's
    ///   UIDVALIDITY is no longer `uidValidity` (the UIDs mean other messages; nothing is marked).
    public func markSeen(uids: [UInt32], uidValidity: UInt32) async throws(IMAPError) {
        guard !uids.isEmpty else { return }
        var session = try await open()
        do throws(IMAPError) {
            try await session.selectExpecting(uidValidity: uidValidity)
            try await session.markSeen(uids)
            await session.logout()
        } catch {
            await session.logout()
            throw error
        }
    }

    /// Fetches the messages after the cursor, hands them to `process` and, once it returns, sets
    /// `\Seen` on them: all on one connection.
    ///
    /// When `process` throws, nothing is marked and its error is rethrown; the same messages
    /// come again with the next poll from the same cursor.
    ///
    /// - Parameters:
    ///   - sinceUID: See ``fetchNew(sinceUID:uidValidity:limit:)``.
    ///   - uidValidity: See ``fetchNew(sinceUID:uidValidity:limit:)``.
    ///   - limit: The most messages to return (at least one).
    ///   - markingSeen: Whether to set `\Seen` after `process` returns.
    ///   - process: Stores the messages and the cursor, e.g. creates tickets; called even for an
    ///     empty batch, so that a changed UIDVALIDITY reaches the cursor.
    /// - Returns: The batch `process` received.
    /// - Throws: ``IMAPError``, or what `process` threw.
    public func processNew(
        sinceUID: UInt32?, uidValidity: UInt32?, limit: Int, markingSeen: Bool = true,
        _ process: (IMAPFetchBatch) async throws -> Void
    ) async throws -> IMAPFetchBatch {
        var session = try await open()
        do {
            let batch = try await session.fetchBatch(sinceUID: sinceUID, uidValidity: uidValidity, limit: limit)
            try await process(batch)
            if markingSeen { try await session.markSeen(batch.uids) }
            await session.logout()
            return batch
        } catch {
            await session.logout()
            throw error
        }
    }

    private func open() async throws(IMAPError) -> IMAPSession {
        try await IMAPSession.open(
            configuration: configuration, sslContext: sslContext, eventLoopGroup: eventLoopGroup, logger: logger)
    }
}
