import ConciergeConnectors
import ConciergeCore
import Foundation
import Logging

/// The poller's ``MailboxReader`` over ConciergeConnectors' IMAP client. The server's name is
/// resolved once and checked against the connector address policy (in the shared mode no tenant
/// may point the poller at loopback, private or metadata addresses), and the client connects to
/// the checked address, so the name cannot be re-pointed in between.
struct IMAPMailboxReader: MailboxReader {
    let policy: OutboundAddressPolicy
    let certificateTrust: IMAPConfiguration.CertificateTrust
    let logger: Logger

    func read(
        _ imap: MailboxSettings.IMAPSettings, password: String, after cursor: MailboxCursor?, limit: Int,
        handle: @Sendable (FetchedMailBatch) async throws -> Void
    ) async throws -> FetchedMailBatch {
        if let reason = policy.blockReason(forPort: imap.port) {
            throw MailboxReadError("imap_host refused: \(reason)")
        }
        let address: IPAddress
        switch await policy.allowedAddress(forHost: imap.host) {
        case .success(let allowed): address = allowed
        case .failure(let refusal): throw MailboxReadError("imap_host refused: \(refusal.reason)")
        }
        let security: IMAPConfiguration.Security =
            switch imap.security {
            case "starttls": .startTLS
            case "plain": .plain
            default: .tls
            }
        let configuration = IMAPConfiguration(
            host: imap.host, port: imap.port, security: security, certificateTrust: certificateTrust,
            username: imap.username, password: password, mailbox: imap.folder,
            allowsPlaintextToRemoteHost: security == .plain, connectAddress: address.description)
        var converted: FetchedMailBatch?
        do {
            let client = try IMAPClient(configuration: configuration, logger: logger)
            _ = try await client.processNew(
                sinceUID: cursor.map(\.lastUID), uidValidity: cursor?.uidValidity, limit: limit
            ) { batch in
                let mapped = Self.batch(batch, after: cursor)
                converted = mapped
                try await handle(mapped)
            }
        } catch let error as IMAPError {
            throw MailboxReadError("\(error)", skipUID: error.kind == .messageTooLarge ? error.uid : nil)
        }
        guard let converted else { throw MailboxReadError("the IMAP session ended without a batch") }
        return converted
    }

    static func batch(_ batch: IMAPFetchBatch, after cursor: MailboxCursor?) -> FetchedMailBatch {
        let start = batch.uidValidityChanged ? 0 : (cursor?.lastUID ?? 0)
        return FetchedMailBatch(
            uidValidity: batch.uidValidity,
            messages: batch.messages.map { FetchedMail(uid: $0.uid, raw: $0.rawBytes) },
            nextUID: batch.nextSinceUID ?? batch.messages.map(\.uid).max() ?? start, hasMore: batch.hasMore)
    }
}
