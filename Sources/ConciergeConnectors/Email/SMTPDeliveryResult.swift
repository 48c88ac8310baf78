/// The outcome of one delivery attempt, as the delivery pipeline acts on it.
///
/// ``SMTPClient/deliver(_:)`` returns this instead of throwing so a worker can `switch` over the
/// three things it may do: record success, schedule a retry, or give up.
public enum SMTPDeliveryResult: Sendable, CustomStringConvertible {
    /// The server accepted the message for at least one recipient.
    case delivered(SMTPDeliveryReport)
    /// The attempt failed in a way that may succeed later (4xx reply, network trouble, timeout).
    case retryable(SMTPError)
    /// The attempt failed for good (5xx reply, bad credentials, TLS required but unavailable).
    case permanent(SMTPError)

    /// Classifies the result of ``SMTPClient/send(_:)``.
    public init(_ result: Result<SMTPDeliveryReport, SMTPError>) {
        switch result {
        case .success(let report): self = .delivered(report)
        case .failure(let error): self = error.isRetryable ? .retryable(error) : .permanent(error)
        }
    }

    /// One line for the delivery log, with the server's reply code and text and never a credential.
    public var description: String {
        switch self {
        case .delivered(let report):
            let refused = report.refusedRecipients.map { "; refused \($0)" }.joined()
            return "delivered to \(report.acceptedRecipients.count) recipient(s): \(report.reply)\(refused)"
        case .retryable(let error):
            return "retryable: \(error)"
        case .permanent(let error):
            return "permanent: \(error)"
        }
    }
}
