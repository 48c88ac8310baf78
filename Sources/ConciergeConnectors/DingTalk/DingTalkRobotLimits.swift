/// DingTalk's documented limits for a custom group robot, for the delivery pipeline's rate limiter.
public enum DingTalkRobotLimits {
    /// "每个机器人每分钟最多发送20条消息到群里" — at most 20 messages per minute per robot.
    public static let messagesPerMinute = 20
    /// "如果超过20条，会限流10分钟" — a robot that exceeds the rate is throttled for 10 minutes, so
    /// a throttled message waits that long rather than hammering a blocked robot every minute.
    public static let throttlePenalty: Duration = .seconds(600)
    /// How far the signed-mode `timestamp` may be from DingTalk's clock: one hour.
    public static let signatureValidity: Duration = .seconds(3600)
}
