import ConciergeDomain
import Crypto
import Foundation

/// What the intakes (email, web form, inbound webhook) share when they turn a message into a
/// ticket or a comment: files stored before their rows, bodies comments accept.
enum IntakeFiles {
    /// Attachments whose bytes are in storage, and the ones the policy refused.
    struct Saved: Sendable {
        var stored: [StoredFile] = []
        /// `name: reason` of each refused file.
        var refused: [String] = []
    }

    /// One attachment's bytes in storage, waiting for its row.
    struct StoredFile: Sendable {
        var id: AttachmentID
        var key: String
        var filename: String
        var contentType: String
        var size: Int64
        var sha256: String
    }

    /// At most this many files of one message or submission are kept.
    static let maxFiles = 50

    /// Puts the files the tenant's attachment policy accepts into storage, before any row
    /// refers to them; the others are named in ``Saved/refused``.
    static func store(
        _ attachments: [InboundMailAttachment], tenant: TenantID, storage: any AttachmentStorage,
        policy: AttachmentPolicy
    ) async throws -> Saved {
        var files = Saved()
        for (index, attachment) in attachments.enumerated() {
            let filename = attachment.filename.isEmpty ? "attachment-\(index + 1)" : attachment.filename
            guard index < Self.maxFiles else {
                files.refused.append("\(filename): more than \(Self.maxFiles) files")
                continue
            }
            let name: String
            let type: String
            do throws(ValidationError) {
                (name, type) = try policy.validate(
                    filename: filename, contentType: attachment.contentType, bytes: attachment.bytes)
            } catch {
                files.refused.append("\(filename): \(error.message)")
                continue
            }
            let id = AttachmentID()
            let key = "\(tenant)/\(id)"
            try await storage.put(attachment.bytes, key: key)
            files.stored.append(
                StoredFile(
                    id: id, key: key, filename: name, contentType: type, size: Int64(attachment.bytes.count),
                    sha256: SHA256.hash(data: attachment.bytes).map { String(format: "%02x", $0) }.joined()))
        }
        return files
    }

    /// A body comments accept: trimmed, not empty, within the length limit.
    static func body(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let limited = String(trimmed.prefix(Comment.maxBodyLength))
        return limited.isEmpty ? "(no text)" : limited
    }

    /// Writes the rows of the stored files, on `ticket` and, for a reply, its `comment`.
    static func insert(
        _ files: Saved, ticket: TicketID, comment: CommentID?, by writer: Actor, tx: any TenantTransaction, at: Date
    ) async throws {
        for file in files.stored {
            try await tx.attachments.insert(
                Attachment(
                    id: file.id, tenantID: tx.tenantID, ticketID: ticket, commentID: comment, filename: file.filename,
                    contentType: file.contentType, sizeBytes: file.size, sha256: file.sha256, storageKey: file.key,
                    uploadedBy: writer, createdAt: at))
        }
    }
}

/// A concurrent copy of the message committed first (its record or external id exists).
enum IntakeRace: Error { case alreadyRecorded }
