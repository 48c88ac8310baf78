import ConciergeDomain
import Foundation
import Logging

/// The scheduler's time-based rules: on an interval, every unsolved ticket of every tenant
/// with automations is evaluated against them ("still new 2 hours after creation → notify the
/// supervisor, raise the priority"). An automation fires once per ticket and then keeps a
/// marker until its conditions stop holding (``AutomationDecision``), so a pass that runs
/// again, or a standby scheduler taking over, never repeats an action.
public struct AutomationPass: PeriodicTask {
    public let name = "automations"
    public let interval: Duration
    /// Tickets read and evaluated per transaction.
    static let page = 200

    let tenants: any AutomationTenants
    let store: any TenantStore
    let desk: TicketDesk
    let conversation: TicketConversation
    let connectorCalls: RuleConnectorCalls?
    let logger: Logger
    let now: @Sendable () -> Date

    /// - Parameter connectorCalls: places `call_connector` actions (without it they are skipped).
    public init(
        tenants: any AutomationTenants, store: any TenantStore, connectorCalls: RuleConnectorCalls? = nil,
        interval: Duration = .seconds(60), logger: Logger, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.tenants = tenants
        self.store = store
        self.connectorCalls = connectorCalls
        self.desk = TicketDesk(store: store, now: now)
        self.conversation = TicketConversation(store: store, now: now)
        self.interval = interval
        self.logger = logger
        self.now = now
    }

    public func runOnce() async throws {
        for tenant in try await tenants.tenantsWithAutomations() {
            do {
                let fired = try await run(tenant: tenant)
                if fired > 0 {
                    logger.info("automations fired", metadata: ["tenant_id": "\(tenant)", "count": "\(fired)"])
                }
            } catch {
                logger.error("automation pass failed", metadata: ["tenant_id": "\(tenant)", "error": "\(error)"])
            }
        }
    }

    /// One pass over the tenant's unsolved tickets. - Returns: how many automations fired.
    public func run(tenant: TenantID) async throws -> Int {
        var cursor: TicketID?
        var fired = 0
        repeat {
            let at = now()
            let after = cursor
            let (count, last) = try await store.transaction(tenant) { tx -> (Int, TicketID?) in
                let automations = try await compiledAutomations(tx)
                guard !automations.isEmpty else { return (0, nil) }
                let tickets = try await tx.rules.unsolvedTickets(after: after, limit: Self.page)
                let readsBusinessHours = automations.contains {
                    $0.conditions.fields.contains(.businessHoursSinceCreated)
                }
                let calendar = readsBusinessHours ? try await RuleFacts(tx: tx).calendar() : nil
                var count = 0
                for ticket in tickets {
                    count += try await evaluate(ticket, automations: automations, calendar: calendar, tx: tx, at: at)
                }
                return (count, tickets.count == Self.page ? tickets.last?.id : nil)
            }
            fired += count
            cursor = last
        } while cursor != nil
        return fired
    }

    private func evaluate(
        _ ticket: Ticket, automations: [CompiledAutomation], calendar: BusinessCalendar?, tx: any TenantTransaction,
        at: Date
    ) async throws -> Int {
        let markers = try await tx.rules.markers(of: ticket.id)
        // Decide with what the ticket row alone says; read the requester and organization only
        // when a condition needs them or something is about to fire (its templates may).
        let readsPeople = automations.contains { automation in
            automation.conditions.fields.contains { field in
                switch field {
                case .requesterTier, .requesterTags, .requesterLocale, .requesterEmail, .organizationTier,
                    .organizationTags, .organizationName:
                    true
                default: false
                }
            }
        }
        let facts = RuleFacts(tx: tx)
        var subject = RuleSubject(ticket: ticket, event: nil, requester: RequesterFacts(name: ""), now: at)
        subject.businessHoursSinceCreated = calendar.map { $0.businessTime(from: ticket.createdAt, to: at) / 3600 }
        if readsPeople {
            subject.requester = try await facts.requester(of: ticket)
            subject.organization = try await facts.organization(of: ticket)
        }
        var run = AutomationEngine.evaluate(automations: automations, subject: subject, firedBefore: markers)
        if !readsPeople, !run.markersToAdd.isEmpty {
            subject.requester = try await facts.requester(of: ticket)
            subject.organization = try await facts.organization(of: ticket)
            run = AutomationEngine.evaluate(automations: automations, subject: subject, firedBefore: markers)
        }
        guard !run.markersToAdd.isEmpty || !run.markersToRemove.isEmpty else { return 0 }
        guard let locked = try await tx.tickets.lock(id: ticket.id), locked.version == ticket.version else { return 0 }
        try await tx.rules.updateMarkers(of: ticket.id, adding: run.markersToAdd, removing: run.markersToRemove, at: at)
        let recorder = RuleOutcomeRecorder(
            tx: tx, desk: desk, conversation: conversation, kind: "automations", connectorCalls: connectorCalls, at: at)
        try await recorder.record(run.outcome, on: locked)
        return run.markersToAdd.count
    }

    private func compiledAutomations(_ tx: any TenantTransaction) async throws -> [CompiledAutomation] {
        let fields = CustomFieldValues(definitions: try await tx.customFields.definitions())
        var compiled: [CompiledAutomation] = []
        for automation in try await tx.rules.automations() where automation.active {
            do throws(ValidationError) {
                compiled.append(try automation.compiled(customFields: fields))
            } catch {
                logger.warning(
                    "automation skipped",
                    metadata: [
                        "tenant_id": "\(tx.tenantID)", "automation": "\(automation.key)", "error": "\(error.field)",
                    ])
            }
        }
        return compiled
    }
}

/// The tenants with automations (read across tenants by the scheduler).
public protocol AutomationTenants: Sendable {
    func tenantsWithAutomations() async throws -> [TenantID]
}
