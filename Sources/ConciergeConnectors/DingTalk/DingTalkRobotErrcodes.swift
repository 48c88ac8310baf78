/// The `errcode` table of DingTalk's custom group robot webhook (`oapi.dingtalk.com/robot/send`).
///
/// Sources: the error-code table of DingTalk's "自定义机器人发送群消息" page
/// (open.dingtalk.com/document/orgapp/custom-bot-send-message: 400013 … 430104), the 310000
/// security-setting answers of "自定义机器人安全设置" (keywords not in content / invalid timestamp /
/// sign not match / ip not in whitelist), the rate limit of "自定义机器人接入" (20 per minute,
/// then 10 minutes throttled) and the server API global codes (-1 system busy).
/// 130101, 300001 and 300005 are what the webhook answers in the field for "send too fast" and
/// for an unknown token; they are not in the current table (see the connector docs).
enum DingTalkRobotErrcodes {
    static let rules: [VendorErrcodeRule] = [
        .retryable(-1, "DingTalk system busy"),
        .retryable(
            130_101, "send too fast: more than 20 messages per minute", after: DingTalkRobotLimits.throttlePenalty),
        .retryable(410_100, "throttled for sending too fast", after: DingTalkRobotLimits.throttlePenalty),
        .permanent(310_000, "security check failed: keyword, signature, timestamp or IP allow-list"),
        .permanent(300_001, "access token invalid or robot removed"),
        .permanent(300_005, "access token does not exist"),
        .permanent(400_013, "the group has been dissolved"),
        .permanent(400_101, "access_token does not exist"),
        .permanent(400_102, "the robot is disabled"),
        .permanent(400_105, "unsupported message type"),
        .permanent(400_106, "the robot does not exist"),
        .permanent(430_101, "content contains an unsafe external link"),
        .permanent(430_102, "content contains inappropriate text"),
        .permanent(430_103, "content contains an inappropriate image"),
        .permanent(430_104, "content contains inappropriate content"),
    ]

    /// The classifier for robot answers.
    static let classifier = VendorErrcodeClassifier(vendor: "dingtalk", rules: rules)
}
