import ConciergeDomain
import Crypto
import Foundation

/// Uploading files to tickets and reading them back. Bytes go to storage first, then the row
/// commits with an event; a failed commit leaves only an unreferenced blob, never a row
/// without bytes.
public struct TicketAttachments: Sendable {
    let store: any TenantStore
    let storage: any AttachmentStorage
    let policy: AttachmentPolicy
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, storage: any AttachmentStorage, policy: AttachmentPolicy,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.storage = storage
        self.policy = policy
        self.now = now
    }

    /// The size limit, for reading request bodies.
    public var maxBytes: Int { policy.maxBytes }

    /// Stores an upload on `ticket`.
    /// - Throws: `invalidInput` (type, size, signature, name), `notFound`, `conflict` (closed ticket).
    public func upload(
        filename: String, contentType: String, bytes: [UInt8], to ticket: TicketReference, actor: Actor,
        tenant: TenantID
    ) async throws -> Attachment {
        let (name, type): (String, String)
        do throws(ValidationError) {
            (name, type) = try policy.validate(filename: filename, contentType: contentType, bytes: bytes)
        } catch {
            throw AppError.invalid(error)
        }
        let target = try await store.transaction(tenant) { tx in try await TicketDesk.find(ticket, in: tx) }
        guard target.status != .closed else {
            throw AppError(.conflict, code: "ticket_closed", message: "a closed ticket takes no attachments")
        }
        let id = AttachmentID()
        let key = "\(tenant)/\(id)"
        try await storage.put(bytes, key: key)
        let attachment = Attachment(
            id: id, tenantID: tenant, ticketID: target.id, commentID: nil, filename: name, contentType: type,
            sizeBytes: Int64(bytes.count), sha256: SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined(),
            storageKey: key, uploadedBy: actor, createdAt: now())
        do {
            try await store.transaction(tenant) { tx in
                try await tx.attachments.insert(attachment)
                try await tx.events.append(
                    DomainEvent(
                        tenantID: tenant, type: "ticket.attachment_added", subjectType: "ticket",
                        subjectID: target.id.description,
                        actor: actor,
                        data: [
                            "attachment_id": .string(id.description), "filename": .string(name),
                            "size": .number(Double(bytes.count)),
                        ],
                        occurredAt: attachment.createdAt),
                    outbox: [])
            }
        } catch {
            try? await storage.delete(key: key)
            throw error
        }
        return attachment
    }

    public func list(_ ticket: TicketReference, tenant: TenantID) async throws -> [Attachment] {
        try await store.transaction(tenant) { tx in
            try await tx.attachments.list(ticket: try await TicketDesk.find(ticket, in: tx).id)
        }
    }

    /// The attachment and its bytes.
    public func download(_ id: AttachmentID, tenant: TenantID) async throws -> (Attachment, [UInt8]) {
        guard let attachment = try await store.transaction(tenant, { try await $0.attachments.find(id: id) }) else {
            throw AppError.notFound("attachment")
        }
        return (attachment, try await storage.get(key: attachment.storageKey))
    }
}
