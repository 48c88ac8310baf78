/// Why a DingTalk message was not sent: the message or the robot's configuration cannot work, so
/// the delivery fails permanently without a request ever reaching DingTalk.
public enum DingTalkMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The webhook URL is not an http(s) URL with an `access_token` query parameter.
    case invalidWebhookURL
    /// A base URL of the app-robot API is not an absolute http(s) URL.
    case invalidBaseURL
    /// The robot is secured by keywords and none of them occurs in the message text; DingTalk
    /// would refuse it with errcode 310000.
    case keywordMissing(keywords: [String])
    /// The content, title or text is empty.
    case emptyContent
    /// An action card has no button.
    case actionCardWithoutButtons
    /// An action card has more buttons than the route supports.
    case tooManyButtons(limit: Int)
    /// A button has no title or no URL.
    case emptyButton
    /// The app robot's `msgParam` is longer than DingTalk accepts.
    case messageTooLong(limitBytes: Int)
    /// The app robot needs a `robotCode` and an `openConversationId`.
    case missingRecipient

    /// One line for the delivery log (never the webhook URL: its token is a secret).
    public var description: String {
        switch self {
        case .invalidWebhookURL:
            return "dingtalk webhook URL is not an http(s) URL with an access_token parameter"
        case .invalidBaseURL:
            return "dingtalk API base URL is not an absolute http(s) URL"
        case .keywordMissing(let keywords):
            return "none of the robot's security keywords \(keywords) appears in the message text "
                + "(DingTalk would refuse it with errcode 310000): add one to the text or the robot settings"
        case .emptyContent:
            return "dingtalk message has empty content, title or text"
        case .actionCardWithoutButtons:
            return "dingtalk action card has no button"
        case .tooManyButtons(let limit):
            return "dingtalk action card has more than \(limit) buttons"
        case .emptyButton:
            return "dingtalk action card button has no title or no URL"
        case .messageTooLong(let limit):
            return "dingtalk app robot message parameters exceed \(limit) bytes"
        case .missingRecipient:
            return "dingtalk app robot needs a robotCode and an openConversationId"
        }
    }
}
