import ConciergeDomain
import Foundation

/// Carries out the `call_connector` actions of triggers and automations: one delivery of the
/// named connector per action, written in the rules' transaction with its outbox row, so it is
/// sent (retried, rate-limited, logged) like every other connector delivery.
///
/// The delivery's payload is the ticket summary every connector gets, plus the action's
/// rendered `payload` under `rule_payload`. A connector that does not exist or is disabled
/// (or only receives, like a mailbox) turns the action into a skipped one (code
/// `connector_missing` / `connector_disabled` / `connector_not_outbound`), which
/// the ticket history shows next to the rules that fired.
public struct RuleConnectorCalls: Sendable {
    /// The event type of a rule's delivery (the connector's log and the message's title say so).
    static let eventType = "ticket.rules_fired"

    let publicURL: String

    /// - Parameter publicURL: the base of the ticket links in the messages.
    public init(publicURL: String) {
        self.publicURL = publicURL
    }

    /// A `call_connector` intent whose connector was found and is enabled.
    struct Call {
        var intent: RuleIntent
        var connector: StoredConnector
        var payload: JSONValue
    }

    /// Looks up the connectors `intents` call. - Returns: the calls to place and the actions
    /// skipped because their connector is missing or disabled.
    func resolve(_ intents: [RuleIntent], tx: any TenantTransaction) async throws -> (
        calls: [Call], skipped: [SkippedAction]
    ) {
        var calls: [Call] = []
        var skipped: [SkippedAction] = []
        for intent in intents {
            guard case .callConnector(let key, let payload) = intent.effect else { continue }
            guard let stored = try await tx.connectors.find(key: key) else {
                skipped.append(Self.skip(intent, code: "connector_missing", message: "no connector \(key)"))
                continue
            }
            guard stored.connector.kind.isOutbound else {
                skipped.append(
                    Self.skip(intent, code: "connector_not_outbound", message: "connector \(key) sends nothing"))
                continue
            }
            guard stored.connector.enabled else {
                skipped.append(Self.skip(intent, code: "connector_disabled", message: "connector \(key) is disabled"))
                continue
            }
            calls.append(Call(intent: intent, connector: stored, payload: payload))
        }
        return (calls, skipped)
    }

    /// Writes one delivery per call for `ticket`, caused by the rules' history event `event`.
    /// A call already placed for that event (a redelivered run) is not placed twice.
    func place(_ calls: [Call], ticket: Ticket, causedBy event: EventID, tx: any TenantTransaction, at: Date)
        async throws
    {
        guard !calls.isEmpty, let tenant = try await tx.tenant() else { return }
        let composer = ConnectorMessageComposer(tx: tx, tenant: tenant, publicURL: publicURL)
        for call in calls {
            let deliveryID = ConnectorDeliveryID()
            let message = try await composer.compose(
                deliveryID: deliveryID, eventType: Self.eventType, eventID: event.description, occurredAt: at,
                ticket: ticket, connector: call.connector.connector, extra: call.payload)
            let delivery = ConnectorDelivery(
                id: deliveryID, tenantID: tx.tenantID, connectorID: call.connector.connector.id,
                idempotencyKey: "rule:\(call.intent.ruleKey):\(call.intent.actionIndex):\(event)",
                eventType: Self.eventType,
                ticketID: ticket.id, message: message.stored, createdAt: at, updatedAt: at)
            _ = try await tx.connectors.insert(
                delivery, job: ConnectorDeliverer.job(for: deliveryID, tenant: tx.tenantID),
                queue: ConnectorDeliverer.queue, causedBy: event)
        }
    }

    private static func skip(_ intent: RuleIntent, code: String, message: String) -> SkippedAction {
        SkippedAction(
            ruleKey: intent.ruleKey, actionIndex: intent.actionIndex, action: RuleAction.Name.callConnector.rawValue,
            code: code, message: message)
    }
}
