/// Whom a DingTalk text or markdown message notifies (`at` in the wire format).
///
/// DingTalk only highlights a mention when the person also appears in the text as `@<mobile>` or
/// `@<userId>`; the message builders append any that are missing, so callers list people here and
/// never have to remember the rule.
public struct DingTalkMention: Sendable, Equatable {
    /// Mobile numbers of the people to notify (`atMobiles`).
    public var mobiles: [String]
    /// DingTalk user ids of the people to notify (`atUserIds`).
    public var userIDs: [String]
    /// Notifies everyone in the group (`isAtAll`).
    public var everyone: Bool

    /// Creates a mention; the default notifies nobody.
    public init(mobiles: [String] = [], userIDs: [String] = [], everyone: Bool = false) {
        self.mobiles = mobiles
        self.userIDs = userIDs
        self.everyone = everyone
    }

    /// Nobody is notified.
    public static let none = DingTalkMention()

    /// `text` followed by ` @<who>` for every mobile and user id it does not contain yet.
    func addingMissingMarkers(to text: String) -> String {
        let missing = (mobiles + userIDs).filter { !text.contains("@\($0)") }
        guard !missing.isEmpty else { return text }
        return text + missing.map { " @\($0)" }.joined()
    }

    /// The `at` object of the wire format.
    var wireObject: [String: Any] {
        ["atMobiles": mobiles, "atUserIds": userIDs, "isAtAll": everyone]
    }
}
