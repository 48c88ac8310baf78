import ConciergeDomain
import Foundation
import Logging

/// The scheduler's SLA pass: every second, fires the warnings and breaches that came due, one
/// tenant at a time (see ``SLATracker/fireDue(tenant:)``), so a breach fires within about a
/// second of its target.
public struct SLAFiringTask: PeriodicTask {
    public let name = "sla.fire"
    public let interval: Duration
    let dueTenants: any SLADueTenants
    let tracker: SLATracker
    let logger: Logger

    public init(
        dueTenants: any SLADueTenants, tracker: SLATracker, interval: Duration = .seconds(1), logger: Logger
    ) {
        self.dueTenants = dueTenants
        self.tracker = tracker
        self.interval = interval
        self.logger = logger
    }

    public func runOnce() async throws {
        for tenant in try await dueTenants.tenants(withDueBy: Date(), limit: 1_000) {
            do {
                let fired = try await tracker.fireDue(tenant: tenant)
                if fired > 0 { logger.info("sla fired", metadata: ["tenant_id": "\(tenant)", "count": "\(fired)"]) }
            } catch {
                // One tenant's failure must not hold up the others' breaches.
                logger.error("sla firing failed", metadata: ["tenant_id": "\(tenant)", "error": "\(error)"])
            }
        }
    }
}
