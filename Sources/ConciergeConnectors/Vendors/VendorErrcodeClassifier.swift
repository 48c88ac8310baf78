import Foundation

/// Classifies the answers of the errcode-envelope vendors (DingTalk's custom robot, WeCom's group
/// robot), whose HTTP status is 200 whether or not the message was accepted.
///
/// - HTTP 2xx with `errcode` 0: delivered.
/// - HTTP 2xx with another `errcode`: never a success; the vendor's table decides, and a code the
///   table does not know is permanent (a new refusal reason is far likelier than a new kind of
///   throttling, and retrying a refusal only repeats it).
/// - HTTP 2xx without the envelope (HTML, empty, truncated): retryable. Something between us and
///   the vendor answered, or the vendor is half down; the message was most likely not shown.
/// - Any other status: the generic HTTP rules, with the envelope's code in the reason if present.
struct VendorErrcodeClassifier: Sendable {
    /// Names the vendor in reasons, e.g. "dingtalk".
    let vendor: String
    /// The documented codes.
    let rules: [Int: VendorErrcodeRule]

    init(vendor: String, rules: [VendorErrcodeRule]) {
        self.vendor = vendor
        self.rules = Dictionary(rules.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func outcome(for response: ConnectorHTTPResponse, now: Date) -> ConnectorDeliveryOutcome {
        let reply = VendorErrcodeReply(body: response.body)
        guard (200..<300).contains(response.status) else {
            let generic = ConnectorResponseClassifier.outcome(for: response, peer: vendor, now: now)
            guard let reply else { return generic }
            return generic.appendingToReason("errcode \(reply.errcode): \(reply.errmsg)")
        }
        guard let reply else {
            return .retryable(
                reason: "\(vendor) answered HTTP \(response.status) without its errcode JSON "
                    + "(protocol problem: a proxy in the way or the vendor half down)",
                retryAfter: nil)
        }
        guard reply.errcode != 0 else {
            return .delivered(summary: "\(vendor) errcode 0: \(reply.errmsg)")
        }
        guard let rule = rules[reply.errcode] else {
            return .permanent(
                reason: "\(vendor) errcode \(reply.errcode) (not in the documented table): \(reply.errmsg)")
        }
        return rule.outcome(vendor: vendor, errmsg: reply.errmsg)
    }
}
