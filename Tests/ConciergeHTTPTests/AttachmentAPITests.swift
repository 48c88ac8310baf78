import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite struct AttachmentAPITests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 64)

    static func upload(
        _ client: any TestClientProtocol, token: String, ticket: String, name: String, type: String, bytes: [UInt8]
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        return try await client.execute(
            uri: "/api/v1/tickets/\(ticket)/attachments?filename=\(encoded)", method: .post,
            headers: [.authorization: "Bearer \(token)", .contentType: type], body: ByteBuffer(bytes: bytes)
        ) { response in
            (
                response.status,
                (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any]
                    ?? [:]
            )
        }
    }

    @Test func photoUploadsLinksToACommentAndDownloadsIntact() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let ticket = try await TicketAPITests.create(client, token: token)
            let id = ticket["id"] as? String ?? ""
            // given a photo uploaded to the ticket
            let (status, body) = try await Self.upload(
                client, token: token, ticket: id, name: "机器照片.png", type: "image/png", bytes: Self.png)
            #expect(status == .created, "\(body)")
            let attachment = body["attachment"] as? [String: Any] ?? [:]
            #expect(attachment["filename"] as? String == "机器照片.png" && attachment["size"] as? Int == Self.png.count)
            let attachmentID = attachment["id"] as? String ?? ""
            // when it is sent with a comment
            let comment = try await client.call(
                .post, "/api/v1/tickets/\(id)/comments", token: token,
                json: #"{"body":"见附件","attachment_ids":["\#(attachmentID)"]}"#)
            #expect(comment.status == .created)
            #expect(
                (comment.body.object("comment")["attachments"] as? [[String: Any]])?.first?["id"] as? String
                    == attachmentID)
            // then it cannot be sent twice, and downloads byte for byte
            let again = try await client.call(
                .post, "/api/v1/tickets/\(id)/comments", token: token,
                json: #"{"body":"再发一次","attachment_ids":["\#(attachmentID)"]}"#)
            #expect(again.status == .badRequest && again.body.errorCode == "invalid_attachment")
            let download = try await client.execute(
                uri: "/api/v1/attachments/\(attachmentID)", method: .get, headers: [.authorization: "Bearer \(token)"]
            ) { ($0.status, Array($0.body.readableBytesView), $0.headers) }
            #expect(download.0 == .ok && download.1 == Self.png)
            #expect(
                download.2[.contentType] == "image/png"
                    && download.2[.contentDisposition]?.hasPrefix("attachment;") == true)
        }
    }

    @Test func uploadsAreCheckedForTypeSignatureAndSize() async throws {
        try await withAPI(extra: ["CONCIERGE_ATTACHMENT_MAX_BYTES": "1024"]) { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let id = try await TicketAPITests.create(client, token: token)["id"] as? String ?? ""
            let script = Array("<script>alert(1)</script>".utf8)
            let disguised = try await Self.upload(
                client, token: token, ticket: id, name: "x.png", type: "image/png", bytes: script)
            #expect(
                disguised.0 == .badRequest
                    && (disguised.1["error"] as? [String: Any])?["code"] as? String == "content_mismatch")
            let html = try await Self.upload(
                client, token: token, ticket: id, name: "x.html", type: "text/html", bytes: script)
            #expect(
                html.0 == .badRequest && (html.1["error"] as? [String: Any])?["code"] as? String == "unsupported_type")
            let big = try await Self.upload(
                client, token: token, ticket: id, name: "big.txt", type: "text/plain",
                bytes: Array(repeating: 65, count: 4096))
            #expect(big.0 == .contentTooLarge)
            let listed = try await client.call(.get, "/api/v1/tickets/\(id)/attachments", token: token)
            #expect((listed.body["attachments"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func anotherTenantCannotDownload() async throws {
        try await withAPI { platform, client in
            let a = try await platform.makeTenant().adminToken.secret
            let b = try await platform.makeTenant().adminToken.secret
            let id = try await TicketAPITests.create(client, token: b)["id"] as? String ?? ""
            let (_, body) = try await Self.upload(
                client, token: b, ticket: id, name: "r.pdf", type: "application/pdf", bytes: Array("%PDF-1.4 x".utf8))
            let attachmentID = (body["attachment"] as? [String: Any])?["id"] as? String ?? ""
            #expect(try await client.call(.get, "/api/v1/attachments/\(attachmentID)", token: a).status == .notFound)
            #expect(try await client.call(.get, "/api/v1/attachments/\(attachmentID)", token: b).status == .ok)
        }
    }
}
