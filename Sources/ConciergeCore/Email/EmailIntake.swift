import ConciergeDomain
import Crypto
import Foundation
import Logging

/// Turns inbound email into tickets and replies, for the IMAP poller and the inbound SMTP
/// endpoint alike.
///
/// - A message is handled once: its Message-ID (or, without one, the SHA-256 of its bytes) is
///   recorded in the same transaction as the ticket or comment it became.
/// - A reply finds its ticket through the ids it names (In-Reply-To, References) or through a
///   `[#1234]` tag in the subject when the sender is that ticket's requester or an agent; a
///   reply to a closed ticket opens a follow-up ticket instead.
/// - Mail sent by machines (auto-replies, bounces, lists) and mail beyond the mailbox's
///   per-sender hourly limit is recorded and dropped: two auto-responders never loop.
/// - Attachments are stored (bytes first, rows with the ticket or comment) when the tenant's
///   attachment policy accepts them; refused ones are named in the ticket history.
public struct EmailIntake: Sendable {
    /// The actor of everything the intake writes.
    static let actor = Actor.system("email")

    let store: any TenantStore
    let parser: any InboundMailParser
    let storage: any AttachmentStorage
    let policy: AttachmentPolicy
    let desk: TicketDesk
    let conversation: TicketConversation
    let logger: Logger
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, parser: any InboundMailParser, storage: any AttachmentStorage,
        policy: AttachmentPolicy, logger: Logger, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.parser = parser
        self.storage = storage
        self.policy = policy
        self.desk = TicketDesk(store: store, now: now)
        self.conversation = TicketConversation(store: store, now: now)
        self.logger = logger
        self.now = now
    }

    /// Handles one raw message that arrived through the mailbox connector `mailbox`.
    /// - Throws: `notFound` when `mailbox` is not a mailbox of `tenant`; storage and database
    ///   failures (nothing is recorded then: the caller keeps the message and retries).
    public func receive(_ raw: [UInt8], mailbox: ConnectorID, tenant: TenantID) async throws -> EmailIntakeOutcome {
        let at = now()
        let mail: InboundMail
        do { mail = try parser.parse(raw) } catch {
            logger.warning(
                "inbound email unparseable", metadata: ["tenant_id": "\(tenant)", "error": "\(error)"])
            return .dropped(reason: "unparseable")
        }
        let messageID = mail.messageID ?? "sha256:" + SHA256.hash(data: raw).map { String(format: "%02x", $0) }.joined()
        let sender = mail.fromAddress.flatMap { raw -> String? in try? Validate.email(raw) }
        let plan = try await store.transaction(tenant) { tx in
            try await Self.plan(mail, messageID: messageID, sender: sender, mailbox: mailbox, tx: tx, at: at)
        }
        switch plan {
        case .done(let outcome):
            return outcome
        case .deliver(let target, let settings, let sender):
            let files = try await IntakeFiles.store(mail.attachments, tenant: tenant, storage: storage, policy: policy)
            do {
                return try await write(
                    mail, messageID: messageID, sender: sender, target: target, settings: settings, mailbox: mailbox,
                    files: files, tenant: tenant, at: at)
            } catch IntakeRace.alreadyRecorded {
                for file in files.stored { try? await storage.delete(key: file.key) }
                return .duplicate
            } catch {
                for file in files.stored { try? await storage.delete(key: file.key) }
                throw error
            }
        }
    }

    /// What to do with a message, decided (and, for one that is dropped, recorded) in one read.
    enum Plan: Sendable {
        case done(EmailIntakeOutcome)
        case deliver(target: TicketID?, settings: MailboxSettings, sender: String)
    }

    static func plan(
        _ mail: InboundMail, messageID: String, sender: String?, mailbox: ConnectorID, tx: any TenantTransaction,
        at: Date
    ) async throws -> Plan {
        guard let stored = try await tx.connectors.find(id: mailbox), let settings = MailboxSettings(stored.connector)
        else { throw AppError.notFound("mailbox") }
        guard try await tx.emailMessages.find(messageID: messageID) == nil else { return .done(.duplicate) }
        func drop(_ reason: String) async throws -> Plan {
            _ = try await tx.emailMessages.insert(
                EmailRecord(
                    messageID: messageID, direction: .inbound, connectorID: mailbox, ticketID: nil, commentID: nil,
                    sender: sender, outcome: "dropped", reason: reason, createdAt: at))
            return .done(.dropped(reason: reason))
        }
        guard let sender else { return try await drop("no_sender") }
        if let automatic = mail.automatic { return try await drop("automatic: \(automatic)") }
        if sender == settings.address { return try await drop("automatic: sent by the mailbox itself") }
        let recent = try await tx.emailMessages.receivedCount(from: sender, since: at.addingTimeInterval(-3600))
        guard recent < settings.senderLimitPerHour else { return try await drop("sender_rate") }
        return .deliver(target: try await thread(mail, sender: sender, tx: tx), settings: settings, sender: sender)
    }

    /// The ticket `mail` answers: through the ids it names, else through its subject's tag when
    /// the sender may write to that ticket (its requester, or an agent).
    static func thread(_ mail: InboundMail, sender: String, tx: any TenantTransaction) async throws -> TicketID? {
        let named = Array((mail.inReplyTo + mail.references).suffix(50))
        if !named.isEmpty, let ticket = try await tx.emailMessages.ticket(referencedBy: named) { return ticket }
        guard let number = mail.ticketNumber, let ticket = try await tx.tickets.find(number: number) else { return nil }
        if let requester = try await tx.customers.find(id: ticket.requesterID), requester.emails.contains(sender) {
            return ticket.id
        }
        if let user = try await tx.users.find(email: sender), user.status != .deactivated { return ticket.id }
        return nil
    }
}
