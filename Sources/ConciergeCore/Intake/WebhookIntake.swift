import ConciergeDomain
import Foundation

/// Turns deliveries to a tenant's inbound webhooks into tickets (`POST /hooks/{tenant}/{key}`).
///
/// A delivery must be signed with the connector's `signing_secret` (or, during a rotation,
/// `previous_signing_secret`) as ``InboundWebhookSignature`` defines, within its replay window.
/// Its JSON goes through the connector's ``InboundWebhookMapping``; an external id that was
/// seen before returns the ticket it opened (or, with `update_existing`, adds the new text to
/// it as an internal note) instead of opening a second one.
public struct WebhookIntake: Sendable {
    /// The actor of everything the intake writes.
    static let actor = Actor.system("webhook")
    /// The largest body taken, in bytes.
    public static let maxBodyBytes = 1_048_576

    let store: any TenantStore
    let tenants: any TenantDirectory
    let secrets: SecretBox
    let desk: TicketDesk
    let conversation: TicketConversation
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, tenants: any TenantDirectory, secrets: SecretBox,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.tenants = tenants
        self.secrets = secrets
        self.desk = TicketDesk(store: store, now: now)
        self.conversation = TicketConversation(store: store, now: now)
        self.now = now
    }

    /// Verifies, maps and records one delivery.
    /// - Throws: `notFound` (no such tenant or enabled inbound webhook: the same answer for
    ///   both, so that keys cannot be probed), `unauthenticated` with the signature failure's
    ///   code, `invalidInput` for a body that is not JSON or does not fit the mapping.
    public func receive(tenant slug: String, key: String, signature: String?, body: [UInt8]) async throws
        -> WebhookIntakeOutcome
    {
        let at = now()
        guard let tenantSlug = try? TenantSlug(slug), let tenant = try await tenants.find(slug: tenantSlug),
            tenant.status == .active
        else { throw AppError.notFound("webhook") }
        let stored = try await store.transaction(tenant.id) { tx in try await tx.connectors.find(key: key) }
        guard let stored, stored.connector.kind == .inboundWebhook, stored.connector.enabled else {
            throw AppError.notFound("webhook")
        }
        let keys =
            try stored.sealedSecrets.map {
                try secrets.open($0, tenant: tenant.id, connector: stored.connector.id)
            } ?? [:]
        let candidates = ["signing_secret", "previous_signing_secret"].compactMap { keys[$0] }
        do throws(InboundWebhookSignatureFailure) {
            try InboundWebhookSignature(secrets: candidates).verify(header: signature, body: body, now: at)
        } catch {
            throw AppError(.unauthenticated, code: error.code, message: "\(error)")
        }
        guard let payload = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else {
            throw AppError(.invalidInput, code: "invalid_json", message: "the body is not JSON", field: "body")
        }
        let mapping = try ConnectorHub.validated { () throws(ValidationError) in
            try InboundWebhookMapping(settings: stored.connector.settings)
        }
        switch mapping.map(payload) {
        case .ignored(let reason):
            return .ignored(reason: reason)
        case .invalid(let error):
            throw AppError.invalid(error)
        case .ticket(let draft):
            return try await write(draft, connector: stored.connector.id, tenant: tenant.id, at: at)
        }
    }

    private func write(_ draft: InboundTicketDraft, connector: ConnectorID, tenant: TenantID, at: Date) async throws
        -> WebhookIntakeOutcome
    {
        if let externalID = draft.externalID {
            let known = try await store.transaction(tenant) { tx -> WebhookIntakeOutcome? in
                guard let seen = try await tx.webhookIntake.ticket(of: externalID, connector: connector) else {
                    return nil
                }
                guard let ticketID = seen, let ticket = try await tx.tickets.lock(id: ticketID) else {
                    return .duplicate(nil)
                }
                guard draft.updateExisting, ticket.status != .closed else { return .duplicate(ticketID) }
                let note = try await conversation.add(
                    body: IntakeFiles.body([draft.subject, draft.description ?? ""].joined(separator: "\n\n")),
                    isPublic: false, channel: .webhook, to: ticket, author: .system("webhook"), actor: Self.actor,
                    tx: tx, at: at)
                return .updated(ticketID, note.id)
            }
            if let known { return known }
        }
        let asset =
            try await draft.assetTag.asyncMap { tag in
                try await store.transaction(tenant) { tx in try await tx.assets.find(serialNumber: tag)?.id }
            } ?? nil
        let new = NewTicket(
            subject: draft.subject, description: IntakeFiles.body(draft.description ?? draft.subject),
            requester: .contact(email: draft.requesterEmail, phone: draft.requesterPhone, name: draft.requesterName),
            priority: draft.priority, type: draft.type, channel: .webhook, tags: draft.tags,
            customFields: draft.customFields, assetID: asset)
        do {
            let ticket = try await desk.create(new, actor: Self.actor, tenant: tenant) { tx, ticket in
                guard let externalID = draft.externalID else { return }
                guard try await tx.webhookIntake.record(externalID, connector: connector, ticket: ticket.id, at: at)
                else { throw IntakeRace.alreadyRecorded }
            }
            return .created(ticket)
        } catch IntakeRace.alreadyRecorded {
            return .duplicate(nil)
        }
    }
}

/// What one inbound webhook delivery became.
public enum WebhookIntakeOutcome: Sendable, Equatable {
    /// A new ticket.
    case created(Ticket)
    /// The external id's ticket got the delivery as an internal note (`update_existing`).
    case updated(TicketID, CommentID)
    /// The external id was seen before; its ticket, if it still exists.
    case duplicate(TicketID?)
    /// The mapping's conditions left the delivery out.
    case ignored(reason: String)
}
