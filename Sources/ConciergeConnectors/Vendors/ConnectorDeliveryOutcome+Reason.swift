extension ConnectorDeliveryOutcome {
    /// The same outcome with `detail` added to its reason (delivered outcomes are unchanged).
    func appendingToReason(_ detail: String) -> ConnectorDeliveryOutcome {
        switch self {
        case .delivered: return self
        case .retryable(let reason, let retryAfter):
            return .retryable(reason: "\(reason); \(detail)", retryAfter: retryAfter)
        case .permanent(let reason): return .permanent(reason: "\(reason); \(detail)")
        }
    }
}
