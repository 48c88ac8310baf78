/// A message for a WeCom group robot, in the types Concierge sends (per WeCom's 群机器人配置说明):
/// `text` (with @-mentions), `markdown` and `news`.
///
/// Text and markdown content longer than WeCom accepts (2048 and 4096 bytes of UTF-8) is shortened
/// on a character boundary and ends in "…", so a long ticket summary still arrives instead of being
/// refused.
public enum WeComRobotMessage: Sendable, Equatable {
    /// Plain text. `mentionedUserIDs` and `mentionedMobiles` notify members; `"@all"` notifies
    /// everyone.
    case text(String, mentionedUserIDs: [String] = [], mentionedMobiles: [String] = [])
    /// WeCom's markdown subset.
    case markdown(String)
    /// One to eight linked article cards.
    case news([WeComNewsArticle])

    /// The JSON body.
    func body() throws(WeComMessageError) -> [UInt8] {
        switch self {
        case .text(let content, let userIDs, let mobiles):
            guard !content.isEmpty else { throw .emptyContent }
            var text: [String: Any] = [
                "content": UTF8Truncation.truncate(content, maxBytes: WeComRobotLimits.textContentBytes)
            ]
            if !userIDs.isEmpty { text["mentioned_list"] = userIDs }
            if !mobiles.isEmpty { text["mentioned_mobile_list"] = mobiles }
            return VendorJSON.encode(["msgtype": "text", "text": text])
        case .markdown(let content):
            guard !content.isEmpty else { throw .emptyContent }
            let shortened = UTF8Truncation.truncate(content, maxBytes: WeComRobotLimits.markdownContentBytes)
            return VendorJSON.encode(["msgtype": "markdown", "markdown": ["content": shortened]])
        case .news(let articles):
            guard !articles.isEmpty, articles.allSatisfy({ !$0.title.isEmpty && !$0.url.isEmpty }) else {
                throw .incompleteArticle
            }
            guard articles.count <= WeComRobotLimits.newsArticles else {
                throw .tooManyArticles(limit: WeComRobotLimits.newsArticles)
            }
            return VendorJSON.encode(["msgtype": "news", "news": ["articles": articles.map(\.wireObject)]])
        }
    }
}
