/// The security settings (安全设置) of a DingTalk custom robot, which DingTalk enforces on every
/// message; a robot has at least one and may combine them.
///
/// - Signed secret (加签): the request URL carries `timestamp` and `sign`, made fresh for every
///   attempt by ``DingTalkRobotSigner``.
/// - Custom keywords (自定义关键词, up to 10): the message must contain at least one. Checked before
///   sending, so a message DingTalk would refuse fails at once with a reason that says what to fix.
/// - IP allow-list (IP地址段): enforced by DingTalk on the caller's address; nothing to do here
///   beyond sending from an allowed egress.
public struct DingTalkRobotSecurity: Sendable, Equatable, CustomStringConvertible {
    /// The `SEC…` secret shown under 加签, or `nil` when signing is off.
    public var signingSecret: String?
    /// The custom keywords, empty when the keyword setting is off.
    public var keywords: [String]

    /// Creates settings; most callers use the static constructors.
    public init(signingSecret: String? = nil, keywords: [String] = []) {
        self.signingSecret = signingSecret
        self.keywords = keywords
    }

    /// Only an IP allow-list, or nothing: no client-side action.
    public static let ipAllowList = DingTalkRobotSecurity()

    /// Signed with `secret`.
    public static func signed(secret: String) -> Self { Self(signingSecret: secret) }

    /// Secured by custom keywords.
    public static func keywords(_ keywords: [String]) -> Self { Self(keywords: keywords) }

    /// Names the modes, never the secret.
    public var description: String {
        var modes: [String] = []
        if signingSecret != nil { modes.append("signed") }
        if !keywords.isEmpty { modes.append("keywords") }
        return modes.isEmpty ? "ip-allow-list-or-none" : modes.joined(separator: "+")
    }

    /// Refuses a message none of whose keywords appears in the text.
    func check(_ message: DingTalkRobotMessage) throws(DingTalkMessageError) {
        let nonEmpty = keywords.filter { !$0.isEmpty }
        guard !nonEmpty.isEmpty else { return }
        let text = message.checkedText
        guard nonEmpty.contains(where: { text.contains($0) }) else { throw .keywordMissing(keywords: nonEmpty) }
    }
}
