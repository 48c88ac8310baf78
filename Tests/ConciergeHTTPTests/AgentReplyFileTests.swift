import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Files in the reply box: sent with the reply (multipart, CSRF-checked), listed under it,
/// downloadable with the same session; a refused file sends nothing.
@Suite struct AgentReplyFileTests {
    static func multipart(_ fields: [(String, String)], file: (String, String, [UInt8])) -> (String, ByteBuffer) {
        let boundary = "----agent\(UUID().uuidString.prefix(8))"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        var buffer = ByteBuffer(string: body)
        buffer.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(file.0)\"\r\n"
                + "Content-Type: \(file.1)\r\n\r\n")
        buffer.writeBytes(file.2)
        buffer.writeString("\r\n--\(boundary)--\r\n")
        return ("multipart/form-data; boundary=\(boundary)", buffer)
    }

    @Test func aReplyCarriesItsFileAndARefusedFileSendsNothing() async throws {
        try await withAPI { platform, client in
            // given a ticket
            let browser = try await AgentBrowser.signIn(platform, client)
            let ticket = try await platform.tickets.create(
                NewTicket(
                    subject: "照片", description: "现场", requester: .contact(email: "z@example.cn", phone: nil, name: "赵")),
                actor: .system("t"), tenant: browser.tenant)
            let photo: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
            func post(_ body: String, _ file: (String, String, [UInt8]), token: String) async throws -> PageResponse {
                let (type, buffer) = Self.multipart(
                    [("csrf_token", token), ("visibility", "internal"), ("body", body)], file: file)
                return try await client.execute(
                    uri: "/agent/tickets/\(ticket.number)/reply", method: .post,
                    headers: [.cookie: browser.cookie, .contentType: type], body: buffer
                ) { PageResponse(status: $0.status, headers: $0.headers, body: String(buffer: $0.body)) }
            }
            // when a note is sent with a photo, and another with a page pretending to be a file
            let sent = try await post("现场照片见附件", ("现场.png", "image/png", photo), token: browser.csrfToken)
            let refused = try await post(
                "网页", ("x.html", "text/html", Array("<script>".utf8)), token: browser.csrfToken)
            let forged = try await post("伪造", ("a.png", "image/png", photo), token: "wrong")
            // then the first is a note with its file, the second and third sent nothing
            #expect(sent.status == .seeOther && sent.headers[.setCookie]?.contains("note_added") == true)
            #expect(refused.headers[.setCookie]?.contains("file_refused") == true)
            #expect(forged.status == .forbidden)
            let comments = try await platform.conversation.list(
                .id(ticket.id), includeInternal: true, after: nil, limit: 10, tenant: browser.tenant)
            #expect(comments.map(\.body) == ["现场照片见附件"])
            let files = try await platform.attachments.list(.id(ticket.id), tenant: browser.tenant)
            #expect(files.map(\.filename) == ["现场.png"] && files.first?.commentID == comments.first?.id)
            // and the page lists it, downloadable with the session
            let page = try await browser.get("/agent/tickets/\(ticket.number)")
            let link = "/api/v1/attachments/\(files.first?.id.description ?? "")"
            #expect(page.body.contains(#"href="\#(link)""#) && page.body.contains("现场.png"))
            let download = try await client.execute(uri: link, method: .get, headers: [.cookie: browser.cookie]) {
                ($0.status, Array($0.body.readableBytesView))
            }
            #expect(download.0 == .ok && download.1 == photo)
        }
    }
}
