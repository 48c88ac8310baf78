import ConciergeDomain
import Foundation

/// Sends one email (the SMTP adapter implements it).
public protocol EmailSender: Sendable {
    func send(_ email: EmailToSend) async -> EmailDeliveryOutcome
}

/// An email as the delivery job hands it to the sender.
public struct EmailToSend: Sendable, Equatable {
    public var to: String
    /// The display name of the sender (the tenant's name).
    public var fromName: String
    public var subject: String
    public var body: String
    /// Marks it `Auto-Submitted: auto-generated`, so auto-responders do not answer it.
    public var isAutomatic: Bool
    /// The thread it belongs to (the ticket's earlier messages), so mail readers group it and
    /// the answer finds its ticket.
    public var threading: EmailThreading
    /// Where answers should go (the tenant's mailbox), when not to the sender address.
    public var replyTo: String?

    public init(
        to: String, fromName: String, subject: String, body: String, isAutomatic: Bool = true,
        threading: EmailThreading = EmailThreading(), replyTo: String? = nil
    ) {
        self.to = to
        self.fromName = fromName
        self.subject = subject
        self.body = body
        self.isAutomatic = isAutomatic
        self.threading = threading
        self.replyTo = replyTo
    }
}

/// The `In-Reply-To` and `References` of an email (Message-IDs without angle brackets).
public struct EmailThreading: Sendable, Equatable {
    public var inReplyTo: String?
    /// Oldest first.
    public var references: [String]

    public init(inReplyTo: String? = nil, references: [String] = []) {
        self.inReplyTo = inReplyTo
        self.references = references
    }
}

/// What became of an email.
public enum EmailDeliveryOutcome: Sendable, Equatable {
    /// Accepted by the relay; its Message-ID and the relay's reply.
    case delivered(messageID: String, reply: String)
    /// Try again later (4xx, connection trouble).
    case retryable(String)
    /// Will never go through (5xx, bad credentials, TLS refused).
    case permanent(String)
    /// No mail relay is configured.
    case notConfigured
}
