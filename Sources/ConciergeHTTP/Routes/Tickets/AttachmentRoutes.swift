import ConciergeCore
import ConciergeDomain
import Foundation
import HTTPTypes
import Hummingbird

/// Uploading and downloading ticket attachments. Uploads are the raw bytes as the body, with
/// their `Content-Type` and a `filename` query parameter; send the returned ids as a comment's
/// `attachment_ids`.
struct AttachmentRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.post("tickets/:ticket/attachments", requires: .ticketsWrite) { request, context in
            guard let filename = request.uri.queryParameters["filename"].map(String.init), !filename.isEmpty else {
                throw AppError(.invalidInput, code: "missing_field", message: "filename is required", field: "filename")
            }
            let buffer = try await request.body.collect(upTo: services.attachments.maxBytes)
            let attachment = try await services.attachments.upload(
                filename: filename, contentType: request.headers[.contentType] ?? "",
                bytes: Array(buffer.readableBytesView),
                to: try context.ticket(), actor: context.identity.actor, tenant: context.identity.tenantID)
            return EditedResponse(
                status: .created, response: Wrapped(key: "attachment", item: AttachmentRepresentation(attachment)))
        }
        api.get("tickets/:ticket/attachments", requires: .ticketsRead) { _, context in
            let attachments = try await services.attachments.list(
                try context.ticket(), tenant: context.identity.tenantID)
            return Page(key: "attachments", items: attachments.map(AttachmentRepresentation.init), nextCursor: nil)
        }
        api.get("attachments/:attachment", requires: .ticketsRead) { _, context in
            let id: AttachmentID = try context.id("attachment", of: "attachment")
            let (attachment, bytes) = try await services.attachments.download(id, tenant: context.identity.tenantID)
            let encoded = attachment.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
            return Response(
                status: .ok,
                headers: [
                    .contentType: attachment.contentType, .contentLength: "\(bytes.count)",
                    .contentDisposition: "attachment; filename*=UTF-8''\(encoded)",
                    .init("X-Content-Type-Options")!: "nosniff", .cacheControl: "private, max-age=300",
                ],
                body: .init(byteBuffer: .init(bytes: bytes)))
        }
    }
}

/// An attachment in JSON; `url` downloads it with the same credential.
struct AttachmentRepresentation: ResponseEncodable {
    var id: String
    var ticketId: String
    var commentId: String?
    var filename: String
    var contentType: String
    var size: Int64
    var sha256: String
    var uploadedBy: String
    var createdAt: Date
    var url: String

    init(_ attachment: Attachment) {
        id = attachment.id.description
        ticketId = attachment.ticketID.description
        commentId = attachment.commentID?.description
        filename = attachment.filename
        contentType = attachment.contentType
        size = attachment.sizeBytes
        sha256 = attachment.sha256
        uploadedBy = attachment.uploadedBy.description
        createdAt = attachment.createdAt
        url = "/api/v1/attachments/\(attachment.id)"
    }
}
