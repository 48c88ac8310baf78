import Crypto
import Foundation

/// The signature of Yonyou's self-built-app token request.
///
/// `signature = URLEncode(Base64(HmacSHA256(key: appSecret, "appKey" + appKey + "timestamp" + ts)))`
/// where `ts` is the Unix time in milliseconds, also sent as `timestamp`. The gateway refuses
/// timestamps too far from its clock, so every request signs anew.
public enum YonyouSigner {
    /// The text that is signed.
    public static func stringToSign(appKey: String, timestampMilliseconds: Int64) -> String {
        "appKey\(appKey)timestamp\(timestampMilliseconds)"
    }

    /// The Base64 signature, before URL-encoding.
    public static func signature(appKey: String, appSecret: String, timestampMilliseconds: Int64) -> String {
        let text = stringToSign(appKey: appKey, timestampMilliseconds: timestampMilliseconds)
        let key = SymmetricKey(data: Array(appSecret.utf8))
        return Data(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key)).base64EncodedString()
    }

    /// `appKey=…&timestamp=…&signature=…` (URL-encoded) for a request made at `date`.
    public static func tokenQuery(appKey: String, appSecret: String, date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let signature = signature(appKey: appKey, appSecret: appSecret, timestampMilliseconds: milliseconds)
        return "appKey=\(PercentEncoding.urlComponent(appKey))&timestamp=\(milliseconds)"
            + "&signature=\(PercentEncoding.urlComponent(signature))"
    }
}
