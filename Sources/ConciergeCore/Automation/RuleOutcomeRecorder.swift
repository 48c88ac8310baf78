import ConciergeDomain
import Foundation

/// Writes what a trigger or automation run decided, in the caller's transaction: the ticket's
/// new state with a history event naming the rules that fired (actor `system:rules`, which
/// triggers never react to, so rules cannot set each other off across events), internal
/// notes, in-app notifications and queued emails (``OutgoingEmail``).
struct RuleOutcomeRecorder {
    /// The actor of every change rules make.
    static let actor = Actor.system("rules")

    let tx: any TenantTransaction
    let desk: TicketDesk
    let conversation: TicketConversation
    /// `triggers` or `automations`: the key under which the history lists the rules that fired.
    let kind: String
    let at: Date

    /// Applies `outcome` to the locked `ticket`. - Returns: the ticket afterwards.
    @discardableResult
    func record(_ outcome: RuleOutcome, on ticket: Ticket) async throws -> Ticket {
        guard !outcome.firedRuleKeys.isEmpty else { return ticket }
        var data: [String: JSONValue] = [
            kind: .array(outcome.firedRuleKeys.map(JSONValue.string))
        ]
        if !outcome.skippedActions.isEmpty {
            data["skipped"] = .array(
                outcome.skippedActions.map {
                    .object(["rule": .string($0.ruleKey), "action": .string($0.action), "reason": .string($0.code)])
                })
        }
        var current = ticket
        if outcome.ticket != ticket, !outcome.changes.isEmpty {
            current = outcome.ticket
            current.updatedAt = at
            let textChanged = current.subject != ticket.subject || current.customFields != ticket.customFields
            try await tx.tickets.update(current, searchDocument: textChanged ? TicketDesk.searchDocument(current) : nil)
            data.merge(TicketDesk.history(outcome.changes)) { _, new in new }
            try await desk.record("ticket.updated", current, actor: Self.actor, tx: tx, data: data)
        } else {
            var stamped = current
            stamped.updatedAt = at
            try await desk.record("ticket.rules_fired", stamped, actor: Self.actor, tx: tx, data: data)
        }
        return try await perform(outcome.intents, on: current)
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
                // Connectors arrive with the integration hub; the history says it was not called.
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
