import Foundation

/// A connector's circuit breaker: after `threshold` failed attempts in a row, deliveries wait
/// (they are not failed, nor counted as attempts) until the circuit closes again. Each time it
/// opens again without a success in between, it stays open twice as long, up to `maxOpen`.
public struct ConnectorCircuit: Sendable, Equatable {
    public var consecutiveFailures: Int
    public var openUntil: Date?

    public static let threshold = 5
    public static let firstOpen: TimeInterval = 30
    public static let maxOpen: TimeInterval = 1800

    public init(consecutiveFailures: Int = 0, openUntil: Date? = nil) {
        self.consecutiveFailures = consecutiveFailures
        self.openUntil = openUntil
    }

    /// Whether deliveries must wait at `now`; when open, until ``openUntil``.
    public func isOpen(at now: Date) -> Bool { openUntil.map { $0 > now } ?? false }

    /// A success closes the circuit and forgets the failures.
    public func recordingSuccess() -> ConnectorCircuit { ConnectorCircuit() }

    /// A failed attempt at `now`: at the threshold, and at every further multiple of it, the
    /// circuit opens (30 s, 60 s, 120 s … capped at 30 min). A failure while half-open (the
    /// single trial after the open period) opens it again at once.
    public func recordingFailure(at now: Date) -> ConnectorCircuit {
        let failures = consecutiveFailures + 1
        guard failures >= Self.threshold else { return ConnectorCircuit(consecutiveFailures: failures, openUntil: nil) }
        let openings = failures - Self.threshold
        let seconds = min(Self.firstOpen * pow(2, Double(min(openings, 16))), Self.maxOpen)
        return ConnectorCircuit(consecutiveFailures: failures, openUntil: now.addingTimeInterval(seconds))
    }
}
