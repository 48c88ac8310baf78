/// WeCom's documented limits for a group robot (群机器人配置说明), for message building and the
/// delivery pipeline's rate limiter.
public enum WeComRobotLimits {
    /// "每个机器人发送的消息不能超过20条/分钟" — at most 20 messages per minute per robot.
    public static let messagesPerMinute = 20
    /// How long a throttled robot waits: the limit is per minute.
    public static let throttleWait: Duration = .seconds(60)
    /// Text `content`: at most 2048 bytes of UTF-8.
    public static let textContentBytes = 2048
    /// Markdown `content`: at most 4096 bytes of UTF-8.
    public static let markdownContentBytes = 4096
    /// A news message carries 1 to 8 articles.
    public static let newsArticles = 8
    /// An article's `title`: at most 128 bytes.
    public static let newsTitleBytes = 128
    /// An article's `description`: at most 512 bytes.
    public static let newsDescriptionBytes = 512
}
