/// The `ResponseStatus` Kingdee's WebAPI puts in its answers — under `Result` for Save and
/// similar operations, inside `[[{"Result": …}]]` when ExecuteBillQuery fails:
/// `{"IsSuccess": false, "ErrorCode": 500, "MsgCode": 1, "Errors": [{"FieldName": …, "Message": …}]}`.
struct KingdeeResponseStatus {
    /// Whether the operation succeeded.
    var isSuccess: Bool
    /// Kingdee's message code: 1 means the session is lost, 11 that the data is locked.
    var messageCode: Int?
    /// The messages of `Errors`.
    var messages: [String]

    /// Messages meaning "log in again"; the login also expires silently after idle time.
    private static let sessionLostHints = ["会话信息已丢失", "session lost", "请重新登录"]
    /// Messages meaning "try again later": concurrent edits, licence seats, the server busy.
    private static let transientHints = ["网络控制", "正在被", "锁定", "并发", "系统繁忙", "too many"]

    /// The status in `answer`, or `nil` when the answer carries none (a plain row list).
    init?(_ answer: Any) {
        var node: Any? = answer
        while let array = node as? [Any] { node = array.first }
        guard let status = ((node as? [String: Any])?["Result"] as? [String: Any])?["ResponseStatus"] as? [String: Any]
        else { return nil }
        isSuccess = (status["IsSuccess"] as? Bool) ?? false
        messageCode = VendorJSON.integer(status["MsgCode"])
        messages = ((status["Errors"] as? [Any]) ?? []).compactMap {
            (($0 as? [String: Any])?["Message"] as? String).map(IntegrationFailure.sanitized)
        }
    }

    /// Whether the session expired and a new login may help.
    var isSessionLost: Bool {
        messageCode == 1 || messages.contains { message in Self.sessionLostHints.contains { message.contains($0) } }
    }

    /// The classified failure: locks and network control (网络控制) are retryable, the rest permanent.
    func failure(operation: String) -> IntegrationFailure {
        let reason =
            "kingdee \(operation) failed: " + (messages.isEmpty ? "no message" : messages.joined(separator: "; "))
        let transient =
            messageCode == 11 || messages.contains { message in Self.transientHints.contains { message.contains($0) } }
        return transient ? .retryable(reason: reason, retryAfter: nil) : .permanent(reason: reason)
    }
}
