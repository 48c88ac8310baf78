/// Why a WeCom message was not sent: the message or the robot's configuration cannot work, so the
/// delivery fails permanently without a request reaching WeCom.
public enum WeComMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The webhook URL is not an http(s) URL with a `key` query parameter.
    case invalidWebhookURL
    /// The text or markdown content is empty.
    case emptyContent
    /// A news message has no article, or one without a title or URL.
    case incompleteArticle
    /// A news message has more articles than WeCom accepts.
    case tooManyArticles(limit: Int)

    /// One line for the delivery log (never the webhook URL: its key is a secret).
    public var description: String {
        switch self {
        case .invalidWebhookURL: return "wecom webhook URL is not an http(s) URL with a key parameter"
        case .emptyContent: return "wecom message content is empty"
        case .incompleteArticle: return "wecom news message has no article, or one without title or URL"
        case .tooManyArticles(let limit): return "wecom news message has more than \(limit) articles"
        }
    }
}
