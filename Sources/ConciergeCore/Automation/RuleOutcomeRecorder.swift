import ConciergeDomain
import Foundation

/// Writes what a trigger or automation run decided, in the caller's transaction: the ticket's
/// new state with a history event naming the rules that fired (actor `system:rules`, which
/// triggers never react to, so rules cannot set each other off across events), internal
/// notes, in-app notifications, queued emails (``OutgoingEmail``) and connector deliveries
/// (``RuleConnectorCalls``).
struct RuleOutcomeRecorder {
    /// The actor of every change rules make.
    static let actor = Actor.system("rules")

    let tx: any TenantTransaction
    let desk: TicketDesk
    let conversation: TicketConversation
    /// `triggers` or `automations`: the key under which the history lists the rules that fired.
    let kind: String
    /// Places `call_connector` actions; without it they are skipped (`connector_unavailable`).
    let connectorCalls: RuleConnectorCalls?
    let at: Date

    /// Applies `outcome` to the locked `ticket`. - Returns: the ticket afterwards.
    @discardableResult
    func record(_ outcome: RuleOutcome, on ticket: Ticket) async throws -> Ticket {
        guard !outcome.firedRuleKeys.isEmpty else { return ticket }
        var data: [String: JSONValue] = [
            kind: .array(outcome.firedRuleKeys.map(JSONValue.string))
        ]
        let (calls, unplaced) = try await resolveConnectorCalls(outcome.intents)
        let skipped = outcome.skippedActions + unplaced
        if !skipped.isEmpty {
            data["skipped"] = .array(
                skipped.map {
                    .object(["rule": .string($0.ruleKey), "action": .string($0.action), "reason": .string($0.code)])
                })
        }
        var current = ticket
        let event: EventID
        if outcome.ticket != ticket, !outcome.changes.isEmpty {
            current = outcome.ticket
            current.updatedAt = at
            let textChanged = current.subject != ticket.subject || current.customFields != ticket.customFields
            try await tx.tickets.update(current, searchDocument: textChanged ? TicketDesk.searchDocument(current) : nil)
            data.merge(TicketDesk.history(outcome.changes)) { _, new in new }
            event = try await desk.record("ticket.updated", current, actor: Self.actor, tx: tx, data: data)
        } else {
            var stamped = current
            stamped.updatedAt = at
            event = try await desk.record("ticket.rules_fired", stamped, actor: Self.actor, tx: tx, data: data)
        }
        try await connectorCalls?.place(calls, ticket: current, causedBy: event, tx: tx, at: at)
        return try await perform(outcome.intents, on: current)
    }

    private func resolveConnectorCalls(_ intents: [RuleIntent]) async throws -> (
        [RuleConnectorCalls.Call], [SkippedAction]
    ) {
        if let connectorCalls { return try await connectorCalls.resolve(intents, tx: tx) }
        let skipped = intents.compactMap { intent -> SkippedAction? in
            guard case .callConnector(let key, _) = intent.effect else { return nil }
            return SkippedAction(
                ruleKey: intent.ruleKey, actionIndex: intent.actionIndex,
                action: RuleAction.Name.callConnector.rawValue, code: "connector_unavailable",
                message: "this process does not call connectors (\(key))")
        }
        return ([], skipped)
    }

    private func perform(_ intents: [RuleIntent], on ticket: Ticket) async throws -> Ticket {
        var current = ticket
        var notifications: [InAppNotification] = []
        for intent in intents {
            let source = "\(kind == "triggers" ? "trigger" : "automation"):\(intent.ruleKey)"
            switch intent.effect {
            case .internalNote(let body):
                guard current.status != .closed else { continue }
                _ = try await conversation.add(
                    body: body, isPublic: false, channel: .internal, to: current, author: .system(source),
                    actor: Self.actor, tx: tx, at: at)
                current = try await tx.tickets.find(id: current.id) ?? current
            case .notifyUsers(let users, let subject, let body):
                notifications += try await notify(users, subject: subject, body: body, ticket: current, source: source)
            case .notifyGroups(let groups, let subject, let body):
                var members: [UserID] = []
                for group in groups { members += try await tx.groups.find(id: group)?.memberIDs ?? [] }
                notifications += try await notify(
                    members, subject: subject, body: body, ticket: current, source: source)
            case .sendEmail(let recipient, let subject, let body):
                try await queueEmail(to: recipient, subject: subject, body: body, ticket: current, source: source)
            case .callConnector:
                // Placed with the history event (``RuleConnectorCalls``), before the other effects.
                continue
            }
        }
        try await tx.notifications.insert(notifications)
        return current
    }

    private func notify(_ users: [UserID], subject: String, body: String, ticket: Ticket, source: String)
        async throws -> [InAppNotification]
    {
        var result: [InAppNotification] = []
        for user in Array(Set(users)).sorted() {
            guard let found = try await tx.users.find(id: user), found.status != .deactivated else { continue }
            result.append(
                InAppNotification(
                    userID: user, ticketID: ticket.id, kind: "rule", title: subject, body: body, source: source,
                    createdAt: at))
        }
        return result
    }

    private func queueEmail(
        to recipient: RuleIntent.EmailRecipient, subject: String, body: String, ticket: Ticket, source: String
    ) async throws {
        let address: String?
        switch recipient {
        case .address(let fixed): address = fixed
        case .requester: address = try await tx.customers.find(id: ticket.requesterID)?.emails.first
        }
        guard let address else { return }
        try await OutgoingEmail.queue(
            to: address, subject: subject, body: body, ticketID: ticket.id, tenant: ticket.tenantID, source: source,
            tx: tx, at: at)
    }
}
