/// The `errcode` table for WeCom group robot answers (`qyapi.weixin.qq.com/cgi-bin/webhook/send`).
///
/// Source: WeCom's 全局错误码 page (developer.work.weixin.qq.com/document/path/90313), the codes a
/// robot webhook can produce; the 20-per-minute limit is from 群机器人配置说明 (path/91770).
/// 93004 and 93008 are listed there for robots but have not been seen here; see the connector docs.
enum WeComRobotErrcodes {
    static let rules: [VendorErrcodeRule] = [
        .retryable(-1, "WeCom system busy"),
        .retryable(
            45_009, "API frequency limit exceeded (20 messages per minute per robot)",
            after: WeComRobotLimits.throttleWait),
        .retryable(45_033, "too many concurrent API calls"),
        .permanent(93_000, "invalid webhook URL, or the robot was removed from the group"),
        .permanent(93_004, "the robot is disabled"),
        .permanent(93_008, "the robot is not in the group"),
        .permanent(40_008, "invalid message type"),
        .permanent(40_058, "invalid parameter"),
        .permanent(44_004, "empty text content"),
        .permanent(45_002, "content too large"),
    ]

    /// The classifier for robot answers.
    static let classifier = VendorErrcodeClassifier(vendor: "wecom", rules: rules)
}
