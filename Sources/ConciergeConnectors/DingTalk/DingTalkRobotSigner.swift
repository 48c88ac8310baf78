import Crypto
import Foundation

/// Makes the `timestamp` and `sign` query parameters of DingTalk's signed-secret robot mode (加签).
///
/// Per DingTalk's "自定义机器人安全设置" page: `timestamp` is the current time in milliseconds;
/// the text `"<timestamp>\n<secret>"` is signed with HmacSHA256 keyed by the secret, the digest is
/// Base64-encoded and the result URL-encoded. DingTalk refuses a timestamp more than an hour away
/// from its clock (errcode 310000, "invalid timestamp"), so every attempt signs anew.
public struct DingTalkRobotSigner: Sendable, CustomStringConvertible {
    private let secret: String

    /// Creates a signer for the robot's `SEC…` secret.
    public init(secret: String) {
        self.secret = secret
    }

    /// The Base64 signature for `timestampMilliseconds`, before URL-encoding.
    public func sign(timestampMilliseconds: Int64) -> String {
        let key = SymmetricKey(data: Array(secret.utf8))
        let text = Array("\(timestampMilliseconds)\n\(secret)".utf8)
        return Data(HMAC<SHA256>.authenticationCode(for: text, using: key)).base64EncodedString()
    }

    /// `&timestamp=<ms>&sign=<url-encoded signature>` for a request made at `date`.
    public func querySuffix(date: Date) -> String {
        let milliseconds = Self.milliseconds(date)
        return
            "&timestamp=\(milliseconds)&sign=\(PercentEncoding.urlComponent(sign(timestampMilliseconds: milliseconds)))"
    }

    /// Names the signer without its secret.
    public var description: String { "DingTalkRobotSigner(secret redacted)" }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}
