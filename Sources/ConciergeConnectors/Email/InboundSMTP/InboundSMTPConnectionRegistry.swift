import NIOCore

/// The connections a server is serving: enforces the connection limit, and hands them all to
/// the shutdown.
actor InboundSMTPConnectionRegistry {
    private let maximumConnections: Int
    private var channels: [ObjectIdentifier: any Channel] = [:]
    private var isShuttingDown = false

    init(maximumConnections: Int) {
        self.maximumConnections = maximumConnections
    }

    /// Registers `channel` if the server is below its limit and not shutting down.
    func admit(_ channel: any Channel) -> Bool {
        guard !isShuttingDown, channels.count < maximumConnections else { return false }
        channels[ObjectIdentifier(channel)] = channel
        return true
    }

    /// Forgets a connection whose session has ended.
    func remove(_ channel: any Channel) {
        channels[ObjectIdentifier(channel)] = nil
    }

    /// Refuses every later connection and returns the ones being served.
    func shutDown() -> [any Channel] {
        isShuttingDown = true
        return Array(channels.values)
    }
}
