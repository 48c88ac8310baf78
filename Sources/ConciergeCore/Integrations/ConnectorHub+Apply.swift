import ConciergeDomain
import Foundation

extension ConnectorHub {
    /// What applying a connector's configuration did.
    public enum Applied: Sendable, Equatable {
        case created
        case updated
        case unchanged
    }

    /// Creates the connector `draft` describes, or brings the one with its key in line with it;
    /// one already equal to it (settings, events, secrets) is left alone, so that applying a
    /// tenant folder twice changes nothing the second time.
    public func apply(_ draft: ConnectorDraft, tenant: TenantID) async throws -> Applied {
        guard let key = draft.key else { throw AppError.invalid(.missing("key")) }
        let at = now()
        let existing = try await store.transaction(tenant) { tx in try await tx.connectors.find(key: key) }
        guard let existing else {
            _ = try await create(draft, tenant: tenant)
            return .created
        }
        let current =
            try existing.sealedSecrets.map { try secrets.open($0, tenant: tenant, connector: existing.connector.id) }
            ?? [:]
        let (wanted, wantedSecrets) = try Self.validated { () throws(ValidationError) in
            try draft.connector(updating: existing.connector, existingSecrets: current, tenant: tenant, at: at)
        }
        var comparable = wanted
        comparable.updatedAt = existing.connector.updatedAt
        comparable.circuit = existing.connector.circuit
        guard comparable != existing.connector || wantedSecrets != current else { return .unchanged }
        _ = try await update(key, draft, tenant: tenant)
        return .updated
    }
}
