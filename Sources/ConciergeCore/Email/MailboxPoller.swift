import ConciergeDomain
import Foundation
import Logging

/// Polls one IMAP mailbox into tickets: reads what arrived after the stored cursor, hands each
/// message to the ``EmailIntake``, then saves the cursor and marks the messages seen.
///
/// At least once: a crash between intake and cursor reads the messages again, and their
/// Message-IDs make the second pass write nothing. A message the intake refuses for good (its
/// mailbox's group was deleted, say) is logged and stepped over, never retried forever; a
/// database failure stops the batch so nothing is skipped.
public struct MailboxPoller: Sendable {
    /// Messages per read; a run reads at most ``maxBatches`` of them per mailbox.
    static let batchSize = 50
    static let maxBatches = 20

    let store: any TenantStore
    let secrets: SecretBox
    let reader: any MailboxReader
    let intake: EmailIntake
    let logger: Logger
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, secrets: SecretBox, reader: any MailboxReader, intake: EmailIntake, logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.secrets = secrets
        self.reader = reader
        self.intake = intake
        self.logger = logger
        self.now = now
    }

    /// Polls `mailbox` of `tenant`. - Returns: how many messages were read.
    @discardableResult
    public func poll(_ mailbox: ConnectorID, tenant: TenantID) async throws -> Int {
        let (settings, password, start) = try await store.transaction(tenant) { tx in
            guard let stored = try await tx.connectors.find(id: mailbox),
                let settings = MailboxSettings(stored.connector), let imap = settings.imap
            else { throw AppError.notFound("mailbox") }
            let secretValues =
                try stored.sealedSecrets.map { try secrets.open($0, tenant: tenant, connector: mailbox) } ?? [:]
            return (imap, secretValues["imap_password"] ?? "", try await tx.emailMessages.cursor(of: mailbox))
        }
        var cursor = start ?? MailboxCursor(uidValidity: nil, lastUID: 0, polledAt: nil, lastError: nil)
        var read = 0
        do {
            for _ in 0..<Self.maxBatches {
                let current = cursor
                let batch = try await reader.read(
                    settings, password: password, after: current.uidValidity == nil ? nil : current,
                    limit: Self.batchSize
                ) { batch in
                    for message in batch.messages {
                        try await take(message, mailbox: mailbox, tenant: tenant)
                    }
                    try await save(current.advanced(by: batch), mailbox: mailbox, tenant: tenant)
                }
                read += batch.messages.count
                cursor = current.advanced(by: batch)
                guard batch.hasMore else { break }
            }
            cursor.lastError = nil
        } catch let error as MailboxReadError {
            cursor.lastError = error.description
            if let skip = error.skipUID {
                cursor.lastUID = max(cursor.lastUID, skip)
                logger.warning(
                    "mailbox message skipped",
                    metadata: [
                        "tenant_id": "\(tenant)", "mailbox": "\(mailbox)", "uid": "\(skip)", "error": "\(error)",
                    ])
            }
        }
        cursor.polledAt = now()
        try await save(cursor, mailbox: mailbox, tenant: tenant)
        return read
    }

    private func take(_ message: FetchedMail, mailbox: ConnectorID, tenant: TenantID) async throws {
        do {
            let outcome = try await intake.receive(message.raw, mailbox: mailbox, tenant: tenant)
            logger.debug(
                "mailbox message taken",
                metadata: ["tenant_id": "\(tenant)", "uid": "\(message.uid)", "outcome": "\(outcome)"])
        } catch let error as AppError {
            logger.error(
                "mailbox message refused",
                metadata: ["tenant_id": "\(tenant)", "uid": "\(message.uid)", "error": "\(error)"])
        }
    }

    private func save(_ cursor: MailboxCursor, mailbox: ConnectorID, tenant: TenantID) async throws {
        try await store.transaction(tenant) { tx in try await tx.emailMessages.saveCursor(cursor, of: mailbox) }
    }
}

/// The scheduler's pass over every polled mailbox (one failing mailbox does not stop the rest;
/// its error is kept on its cursor and logged).
public struct MailboxPollTask: PeriodicTask {
    public let name = "mailboxes.poll"
    public let interval: Duration
    let directory: any MailboxDirectory
    let poller: MailboxPoller
    let logger: Logger

    public init(directory: any MailboxDirectory, poller: MailboxPoller, interval: Duration, logger: Logger) {
        self.directory = directory
        self.poller = poller
        self.interval = interval
        self.logger = logger
    }

    public func runOnce() async throws {
        for (tenant, mailbox) in try await directory.polledMailboxes() {
            do {
                try await poller.poll(mailbox, tenant: tenant)
            } catch {
                logger.error(
                    "mailbox poll failed",
                    metadata: ["tenant_id": "\(tenant)", "mailbox": "\(mailbox)", "error": "\(error)"])
            }
        }
    }
}

extension MailboxCursor {
    /// The cursor after `batch`: its UIDVALIDITY, and the highest UID read (a new UIDVALIDITY
    /// starts the count over).
    func advanced(by batch: FetchedMailBatch) -> MailboxCursor {
        var next = self
        next.lastUID = batch.uidValidity == uidValidity ? max(lastUID, batch.nextUID) : batch.nextUID
        next.uidValidity = batch.uidValidity
        return next
    }
}
