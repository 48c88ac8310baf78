/// A side effect a rule asks for, which the caller (the Core layer) turns into a job: the
/// rule engine itself sends nothing and calls nobody.
///
/// Texts are rendered from the rule's templates against the ticket as it is after the whole
/// run, so a notification always describes the final state.
public struct RuleIntent: Sendable, Equatable {
    /// Who receives an email.
    public enum EmailRecipient: Sendable, Equatable {
        /// The ticket's requester (the caller resolves the address and threads the email).
        case requester
        /// A fixed address (normalised, lowercased).
        case address(String)
    }

    /// What to do.
    public enum Effect: Sendable, Equatable {
        /// Add an internal note (agents only) to the ticket.
        case internalNote(body: String)
        /// Notify these users in the product (and through their notification settings).
        case notifyUsers([UserID], subject: String, body: String)
        /// Notify every member of these groups.
        case notifyGroups([GroupID], subject: String, body: String)
        /// Send an email.
        case sendEmail(to: EmailRecipient, subject: String, body: String)
        /// Call a connector of the integration hub with a rendered payload.
        case callConnector(connector: String, payload: JSONValue)
    }

    /// The key of the trigger or automation that asked for it (for the ticket history).
    public var ruleKey: String
    /// The action's position in the rule's `actions` (for a skipped action's record).
    public var actionIndex: Int
    /// What to do.
    public var effect: Effect

    /// Creates an intent.
    public init(ruleKey: String, actionIndex: Int, effect: Effect) {
        self.ruleKey = ruleKey
        self.actionIndex = actionIndex
        self.effect = effect
    }
}
