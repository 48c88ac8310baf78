/// The `AppKey` and `AppSecret` of a DingTalk internal app (企业内部应用), which buy its access token.
///
/// - Important: ``description`` names the app key only; the secret is never printed.
public struct DingTalkAppCredentials: Sendable, Equatable, CustomStringConvertible {
    /// The app's key (also the `robotCode` of its robot, usually).
    public var appKey: String
    /// The app's secret.
    public var appSecret: String

    /// Creates credentials.
    public init(appKey: String, appSecret: String) {
        self.appKey = appKey
        self.appSecret = appSecret
    }

    /// The app key, with the secret redacted.
    public var description: String { "DingTalkAppCredentials(appKey: \(appKey), appSecret redacted)" }
}
