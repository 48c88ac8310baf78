import Foundation

/// The state of one rule run: the evaluation context (whose ticket the actions update), the
/// fired rules and what they asked for. Shared by ``TriggerEngine`` and ``AutomationEngine``.
struct RuleExecution {
    private struct Pending {
        let ruleKey: String
        let actionIndex: Int
        let action: CompiledAction
    }

    private(set) var context: RuleEvaluationContext
    private let original: Ticket
    private var fired: [String] = []
    private var pending: [Pending] = []
    private var skipped: [SkippedAction] = []
    private(set) var stoppedBy: String?

    init(_ context: RuleEvaluationContext) {
        self.context = context
        original = context.ticket
    }

    /// Records that `ruleKey` fired and applies its actions in order. Field changes apply at
    /// once so that later rules see them; side effects wait for ``finish(reachedCycleLimit:)``.
    mutating func fire(_ ruleKey: String, actions: [CompiledAction]) {
        fired.append(ruleKey)
        for (index, action) in actions.enumerated() {
            switch action.kind {
            case .change(let change): apply(change, ruleKey: ruleKey, index: index, name: action.name)
            case .stopProcessing: stoppedBy = ruleKey
            default: pending.append(Pending(ruleKey: ruleKey, actionIndex: index, action: action))
            }
        }
    }

    private mutating func apply(_ change: TicketChange, ruleKey: String, index: Int, name: RuleAction.Name) {
        let before = context.ticket
        do {
            let (after, _) = try change.apply(to: before, at: context.subject.now)
            context.ticket = after
            if after.status != before.status { context.statusChangedAt = context.subject.now }
            if after.assigneeID != before.assigneeID { context.assigneeUpdatedAt = context.subject.now }
        } catch {
            skipped.append(
                SkippedAction(
                    ruleKey: ruleKey, actionIndex: index, action: name.rawValue, code: error.code,
                    message: error.message))
        }
    }

    /// The outcome: the final ticket as one update, and the side effects rendered against it.
    func finish(reachedCycleLimit: Bool = false) -> RuleOutcome {
        var ticket = context.ticket
        let changes = TicketChange.diff(original, ticket)
        // Each applied action moved version and updatedAt; the caller stores the run as one
        // update, and a run whose actions cancelled out is no update at all.
        ticket.version = original.version + (changes.isEmpty ? 0 : 1)
        ticket.updatedAt = changes.isEmpty ? original.updatedAt : context.subject.now
        var final = context.subject
        final.ticket = ticket
        var intents: [RuleIntent] = []
        var skipped = self.skipped
        for item in pending {
            do {
                intents.append(
                    RuleIntent(
                        ruleKey: item.ruleKey, actionIndex: item.actionIndex,
                        effect: try Self.effect(of: item.action, for: final)))
            } catch {
                skipped.append(
                    SkippedAction(
                        ruleKey: item.ruleKey, actionIndex: item.actionIndex, action: item.action.name.rawValue,
                        code: error.code, message: error.message))
            }
        }
        return RuleOutcome(
            ticket: ticket, changes: changes, firedRuleKeys: fired, intents: intents, skippedActions: skipped,
            stoppedBy: stoppedBy, reachedCycleLimit: reachedCycleLimit)
    }

    /// The side effect of a pending action, rendered for `subject`.
    /// - Throws: ``ValidationError`` with code `no_assignee` when there is nobody to notify.
    private static func effect(of action: CompiledAction, for subject: RuleSubject) throws(ValidationError)
        -> RuleIntent.Effect
    {
        switch action.kind {
        case .note(let body):
            return .internalNote(body: body.render(subject))
        case .notifyUsers(let ids, let title, let body):
            return .notifyUsers(ids, subject: title.render(subject), body: body.render(subject))
        case .notifyGroups(let ids, let title, let body):
            return .notifyGroups(ids, subject: title.render(subject), body: body.render(subject))
        case .notifyAssignee(let title, let body):
            guard let assignee = subject.ticket.assigneeID else {
                throw ValidationError(field: "to", code: "no_assignee", message: "the ticket has no assignee to notify")
            }
            return .notifyUsers([assignee], subject: title.render(subject), body: body.render(subject))
        case .sendEmail(let recipient, let title, let body):
            return .sendEmail(to: recipient, subject: title.render(subject), body: body.render(subject))
        case .callConnector(let connector, let payload):
            return .callConnector(connector: connector, payload: render(payload, subject))
        case .change, .stopProcessing:
            // Not reachable: `fire` applies these at once and never leaves them pending.
            throw ValidationError(field: "", code: "not_a_side_effect", message: "applied directly")
        }
    }

    private static func render(_ payload: JSONValue, _ subject: RuleSubject) -> JSONValue {
        switch payload {
        case .string(let text): .string(RuleTemplate(text).render(subject))
        case .array(let items): .array(items.map { render($0, subject) })
        case .object(let members): .object(members.mapValues { render($0, subject) })
        case .null, .bool, .number: payload
        }
    }
}
