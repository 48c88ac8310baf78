/// Where one connector delivery stands.
public enum ConnectorDeliveryStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting for its first attempt (or for the rate limit or an open circuit).
    case pending
    /// The peer accepted it.
    case delivered
    /// An attempt failed in a way that may pass; another attempt is scheduled.
    case retrying
    /// Every attempt failed retryably; kept for inspection and replay.
    case failed
    /// The peer refused it for good (bad signature, keyword, URL): never retried on its own,
    /// so it cannot block the deliveries behind it. Replay once the cause is fixed.
    case quarantined

    /// Whether a worker may still send it.
    public var isOpen: Bool { self == .pending || self == .retrying }
}
