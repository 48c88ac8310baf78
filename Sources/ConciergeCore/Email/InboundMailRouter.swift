import ConciergeDomain
import Foundation
import Logging

/// The inbound SMTP endpoint's view of the tenants: which recipients it takes and which
/// mailbox (of which tenant) each message goes to.
public struct InboundMailRouter: Sendable {
    let directory: any MailboxDirectory
    let intake: EmailIntake
    let logger: Logger

    public init(directory: any MailboxDirectory, intake: EmailIntake, logger: Logger) {
        self.directory = directory
        self.intake = intake
        self.logger = logger
    }

    /// Whether some enabled mailbox receives `recipient`. When the directory cannot be asked
    /// the recipient is taken, so that the message fails later with a temporary error (the
    /// sending server retries) instead of bouncing for good.
    public func accepts(_ recipient: String) async -> Bool {
        do {
            return try await directory.mailbox(for: recipient.lowercased()) != nil
        } catch {
            logger.error("mailbox lookup failed", metadata: ["error": "\(error)"])
            return true
        }
    }

    /// Hands `raw` to the intake of every mailbox among `recipients` (once per mailbox).
    /// - Throws: the first failure, after trying every mailbox: the sender is told to retry,
    ///   and the mailboxes that took the message recognise it by its Message-ID.
    public func deliver(_ raw: [UInt8], to recipients: [String]) async throws {
        var seen: Set<String> = []
        var failure: (any Error)?
        for recipient in recipients {
            do {
                guard let (tenant, mailbox) = try await directory.mailbox(for: recipient.lowercased()),
                    seen.insert("\(tenant)/\(mailbox)").inserted
                else { continue }
                let outcome = try await intake.receive(raw, mailbox: mailbox, tenant: tenant)
                logger.info(
                    "inbound mail taken",
                    metadata: ["tenant_id": "\(tenant)", "mailbox": "\(mailbox)", "outcome": "\(outcome)"])
            } catch {
                logger.error("inbound mail failed", metadata: ["recipient": "\(recipient)", "error": "\(error)"])
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
    }
}
