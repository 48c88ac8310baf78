import ConciergeDomain
import Foundation
import Logging

/// Runs the tenant's triggers when a ticket event arrives (worker side).
///
/// Each event is handled once (its id goes into the idempotency ledger in the same
/// transaction as the effects). Events caused by rules themselves (actor `system:rules`) are
/// not evaluated: within one event the engine lets every trigger fire at most once, and
/// across events this rule keeps two triggers from feeding each other forever.
public struct TriggerRunner: EventSubscriber {
    public let name = "triggers"
    /// Ticket events and the rule event each one is.
    static let events: [String: RuleEvent] = [
        "ticket.created": .ticketCreated, "ticket.updated": .ticketUpdated, "ticket.comment_added": .commentAdded,
        "ticket.sla_warning": .slaWarning, "ticket.sla_breached": .slaBreach,
        "ticket.satisfaction_received": .satisfactionReceived,
    ]

    let store: any TenantStore
    let desk: TicketDesk
    let conversation: TicketConversation
    let connectorCalls: RuleConnectorCalls?
    let logger: Logger
    let now: @Sendable () -> Date

    /// - Parameter connectorCalls: places `call_connector` actions (without it they are skipped).
    public init(
        store: any TenantStore, connectorCalls: RuleConnectorCalls? = nil, logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.connectorCalls = connectorCalls
        self.desk = TicketDesk(store: store, now: now)
        self.conversation = TicketConversation(store: store, now: now)
        self.logger = logger
        self.now = now
    }

    public func wants(_ eventType: String) -> Bool { Self.events[eventType] != nil }

    public func receive(_ dispatch: EventDispatch) async throws -> EventAftermath? {
        guard let recorded = dispatch.recorded else { return nil }
        try await run(recorded, tx: dispatch.tx, at: dispatch.at)
        return nil
    }

    /// Evaluates the triggers for the recorded event `eventID`, once (through the ledger).
    public func run(eventID: EventID, tenant: TenantID) async throws {
        let at = now()
        try await store.transaction(tenant) { tx in
            guard try await tx.jobReceipts.record(jobID: eventID.description, handler: name),
                let recorded = try await tx.events.find(id: eventID)
            else { return }
            try await run(recorded, tx: tx, at: at)
        }
    }

    /// Evaluates the triggers for `recorded` inside the caller's transaction.
    func run(_ recorded: RecordedEvent, tx: any TenantTransaction, at: Date) async throws {
        guard recorded.event.actor != RuleOutcomeRecorder.actor,
            let primary = Self.events[recorded.event.type],
            let ticketID = TicketID(recorded.event.subjectID),
            let ticket = try await tx.tickets.lock(id: ticketID), ticket.status != .closed
        else { return }
        let triggers = try await compiledTriggers(tx)
        guard !triggers.isEmpty else { return }
        let subject = try await subject(ticket, event: recorded.event, primary: primary, triggers: triggers, tx: tx)
        var outcome = TriggerEngine(triggers: triggers).run(subject)
        // A status change is also a `status_changed` event for the triggers listening to
        // that and not to the primary event (each trigger still fires at most once).
        if primary != .statusChanged, subject.previous.map({ $0.status != ticket.status }) == true {
            let fired = Set(outcome.firedRuleKeys)
            let more = triggers.filter {
                $0.events.contains(.statusChanged) && !$0.events.contains(primary) && !fired.contains($0.key)
            }
            if !more.isEmpty {
                var next = subject
                next.ticket = outcome.ticket
                next.event = .statusChanged
                let second = TriggerEngine(triggers: more).run(next)
                outcome = Self.merging(outcome, second)
            }
        }
        let recorder = RuleOutcomeRecorder(
            tx: tx, desk: desk, conversation: conversation, kind: "triggers", connectorCalls: connectorCalls, at: at)
        try await recorder.record(outcome, on: ticket)
    }

    private func compiledTriggers(_ tx: any TenantTransaction) async throws -> [CompiledTrigger] {
        let fields = CustomFieldValues(definitions: try await tx.customFields.definitions())
        var compiled: [CompiledTrigger] = []
        for trigger in try await tx.rules.triggers() where trigger.active {
            do throws(ValidationError) {
                compiled.append(try trigger.compiled(customFields: fields))
            } catch {
                // Saved triggers were valid; a field deleted since makes one invalid: skip it, loudly.
                logger.warning(
                    "trigger skipped",
                    metadata: [
                        "tenant_id": "\(tx.tenantID)", "trigger": "\(trigger.key)",
                        "error": "\(error.field): \(error.message)",
                    ])
            }
        }
        return compiled
    }

    private func subject(
        _ ticket: Ticket, event: DomainEvent, primary: RuleEvent, triggers: [CompiledTrigger],
        tx: any TenantTransaction
    ) async throws -> RuleSubject {
        let facts = RuleFacts(tx: tx)
        let at = now()
        let reads = TriggerEngine(triggers: triggers).fields(for: primary)
        var subject = RuleSubject(
            ticket: ticket, previous: RuleFacts.previous(ticket, undoing: event), event: primary,
            requester: try await facts.requester(of: ticket), organization: try await facts.organization(of: ticket),
            comment: try await facts.comment(of: event),
            slaMetric: event.data["metric"]?.stringValue.flatMap(SLAMetric.init(rawValue:)), now: at,
            withinBusinessHours: reads.contains(.withinBusinessHours)
                ? try await facts.withinBusinessHours(at: at) : nil)
        if reads.contains(.businessHoursSinceCreated) {
            subject.businessHoursSinceCreated =
                try await facts.calendar().businessTime(from: ticket.createdAt, to: at) / 3600
        }
        return subject
    }

    static func merging(_ first: RuleOutcome, _ second: RuleOutcome) -> RuleOutcome {
        var merged = second
        merged.changes = first.changes + second.changes
        merged.firedRuleKeys = first.firedRuleKeys + second.firedRuleKeys
        merged.intents = first.intents + second.intents
        merged.skippedActions = first.skippedActions + second.skippedActions
        merged.stoppedBy = first.stoppedBy ?? second.stoppedBy
        return merged
    }
}
