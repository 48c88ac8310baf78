import ConciergeDomain
import Foundation
import Logging

/// Makes one attempt at one delivery: claims it (only one worker sends it), waits for an open
/// circuit or the connector's rate limit without spending an attempt, opens the secrets, sends
/// through the gateway and records what happened — scheduling the next attempt with backoff,
/// giving up after ``maxAttempts`` (`failed`), or quarantining a permanent refusal so that it
/// never blocks the deliveries behind it.
public struct ConnectorDeliverer: Sendable {
    /// The queue and job that carry deliveries.
    public static let queue = "connectors"
    public static let jobName = "connector.deliver"
    /// Attempts before a delivery that keeps failing retryably is given up (`failed`).
    public static let maxAttempts = 10
    /// Backoff between attempts: 5 s doubling to 30 min, with full jitter.
    public static let retryPolicy = RetryPolicy(base: .seconds(5), cap: .seconds(1800), floor: .seconds(1))
    /// How long a worker's claim on a delivery lasts (longer than any request may take).
    static let claimLifetime: TimeInterval = 120

    let store: any TenantStore
    let gateway: any ConnectorGateway
    let secrets: SecretBox
    let limiter: any RateLimiter
    let queue: any JobQueue
    let logger: Logger
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, gateway: any ConnectorGateway, secrets: SecretBox, limiter: any RateLimiter,
        queue: any JobQueue, logger: Logger, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.gateway = gateway
        self.secrets = secrets
        self.limiter = limiter
        self.queue = queue
        self.logger = logger
        self.now = now
    }

    /// The job that makes the next attempt at `delivery` (a fresh id each time: the claim, not
    /// the queue, keeps two workers from sending the same delivery). Queued straight after the
    /// commit and by the outbox relay; for ten minutes after it ran, the relay's copy is dropped.
    public static func job(for delivery: ConnectorDeliveryID, tenant: TenantID) -> Job {
        Job(
            id: "\(delivery).\(UUID().uuidString.lowercased().prefix(8))", name: jobName, tenantID: tenant,
            payload: #"{"delivery_id":"\#(delivery)"}"#, maxAttempts: 20, duplicateWindowSeconds: 600)
    }

    /// One attempt. - Parameter ignoringCircuit: a test send goes through an open circuit.
    /// - Returns: the delivery as it stands afterwards (`nil` when it was not open, or another
    ///   worker holds it).
    @discardableResult
    public func attempt(_ id: ConnectorDeliveryID, tenant: TenantID, ignoringCircuit: Bool = false) async throws
        -> ConnectorDelivery?
    {
        let start = now()
        let claimed = try await store.transaction(tenant) { tx -> (ConnectorDelivery, StoredConnector)? in
            guard
                let delivery = try await tx.connectors.claim(
                    delivery: id, until: start.addingTimeInterval(Self.claimLifetime), now: start),
                let stored = try await tx.connectors.find(id: delivery.connectorID)
            else { return nil }
            return (delivery, stored)
        }
        guard let (delivery, stored) = claimed else { return nil }
        let connector = stored.connector
        var log = logger
        log[metadataKey: "tenant_id"] = "\(tenant)"
        log[metadataKey: "connector_id"] = "\(connector.id)"
        log[metadataKey: "delivery_id"] = "\(id)"

        guard connector.enabled else {
            return try await finish(
                delivery, connector, attempt: nil, status: .quarantined, error: "the connector is disabled", at: start)
        }
        if !ignoringCircuit, connector.circuit.isOpen(at: start), let until = connector.circuit.openUntil {
            log.debug("circuit open: delivery waits")
            return try await postpone(delivery, until: until, tenant: tenant)
        }
        let decision = try await limiter.hit(
            "connector:\(tenant):\(connector.id)", limit: connector.rateLimitPerMinute, window: .seconds(60))
        if !decision.allowed {
            let wait = TimeInterval(max(decision.retryAfterSeconds, 1))
            return try await postpone(delivery, until: start.addingTimeInterval(wait), tenant: tenant)
        }
        let opened: [String: String]
        do {
            opened =
                try stored.sealedSecrets.map { try secrets.open($0, tenant: tenant, connector: connector.id) } ?? [:]
        } catch let error as AppError {
            // A key missing from the ring can come back (configuration fixed): keep retrying.
            let status: ConnectorDeliveryStatus =
                error.code != "secret_key_missing"
                ? .quarantined
                : delivery.attempts + 1 >= Self.maxAttempts ? .failed : .retrying
            return try await finish(delivery, connector, attempt: nil, status: status, error: error.message, at: start)
        }
        guard let message = ConnectorMessage(stored: delivery.message, delivery: delivery.id) else {
            return try await finish(
                delivery, connector, attempt: nil, status: .quarantined, error: "the stored message is unreadable",
                at: start)
        }
        let endpoint = ConnectorEndpoint(
            connectorID: connector.id, kind: connector.kind, settings: connector.settings, secrets: opened)
        let attempt = await gateway.send(message, to: endpoint)
        log.info(
            "connector delivery attempt",
            metadata: [
                "attempt": "\(delivery.attempts + 1)", "outcome": "\(attempt.outcome)",
                "status": "\(attempt.responseStatus.map(String.init) ?? "-")",
                "latency_ms": "\(attempt.latencyMilliseconds)",
            ])
        let status: ConnectorDeliveryStatus =
            switch attempt.outcome {
            case .delivered: .delivered
            case .retryable: delivery.attempts + 1 >= Self.maxAttempts ? .failed : .retrying
            case .permanent: .quarantined
            }
        return try await finish(delivery, connector, attempt: attempt, status: status, error: nil, at: now())
    }

    /// Records the attempt, moves the circuit, and schedules the next attempt when retrying.
    private func finish(
        _ delivery: ConnectorDelivery, _ connector: Connector, attempt: ConnectorAttempt?,
        status: ConnectorDeliveryStatus, error: String?, at: Date
    ) async throws -> ConnectorDelivery? {
        var next: Date?
        if status == .retrying {
            let backoff = Self.retryPolicy.delay(forAttempt: delivery.attempts + 1, random: Double.random(in: 0...1))
            var wait = TimeInterval(backoff.components.seconds) + TimeInterval(backoff.components.attoseconds) / 1e18
            if case .retryable(let retryAfter?)? = attempt?.outcome {
                wait = max(wait, TimeInterval(retryAfter.components.seconds))
            }
            next = at.addingTimeInterval(wait)
        }
        let record = ConnectorAttemptRecord(
            status: status, requestSummary: attempt?.requestSummary, responseStatus: attempt?.responseStatus,
            error: status == .delivered ? nil : (error ?? attempt?.detail),
            latencyMilliseconds: attempt?.latencyMilliseconds,
            nextAttemptAt: next, result: status == .delivered ? attempt?.detail : nil, at: at)
        let circuit: ConnectorCircuit? =
            switch attempt?.outcome {
            case .delivered?: connector.circuit.consecutiveFailures == 0 ? nil : connector.circuit.recordingSuccess()
            case .retryable?, .permanent?: connector.circuit.recordingFailure(at: at)
            case nil: nil
            }
        let updated = try await store.transaction(delivery.tenantID) { tx in
            try await tx.connectors.recordAttempt(record, of: delivery.id)
            if let circuit { try await tx.connectors.saveCircuit(circuit, of: connector.id) }
            return try await tx.connectors.find(delivery: delivery.id)
        }
        if let next {
            _ = try await queue.enqueue(
                Self.job(for: delivery.id, tenant: delivery.tenantID), on: Self.queue,
                delay: .milliseconds(Int64(max(0, next.timeIntervalSince(now())) * 1000)))
        }
        return updated
    }

    private func postpone(_ delivery: ConnectorDelivery, until: Date, tenant: TenantID) async throws
        -> ConnectorDelivery?
    {
        let updated = try await store.transaction(tenant) { tx in
            try await tx.connectors.postpone(delivery: delivery.id, until: until)
            return try await tx.connectors.find(delivery: delivery.id)
        }
        _ = try await queue.enqueue(
            Self.job(for: delivery.id, tenant: tenant), on: Self.queue,
            delay: .milliseconds(Int64(max(0, until.timeIntervalSince(now())) * 1000)))
        return updated
    }
}
