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

/// The public web form and the asset QR code, through the real router: the label decodes (with
/// zbarimg) to a signed link, the link opens the form with the device, and a browser-style
/// multipart post with a file opens a QR ticket about that device.
@Suite struct WebFormAPITests {
    static let form = """
        {"key":"repair","kind":"web_form","name":"报修","secrets":{"link_secret":"label-secret"},
         "settings":{"title":"设备报修","intro":"请描述故障","tags":["报修"]}}
        """

    /// Decodes a PNG with zbarimg (zbar-tools), failing clearly without it.
    static func decodeQR(_ png: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).png")
        try Data(png).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--quiet", "--raw", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func multipart(_ fields: [String: String], file: (name: String, type: String, bytes: [UInt8])?) -> (
        String, ByteBuffer
    ) {
        let boundary = "----concierge\(UUID().uuidString.prefix(8))"
        var body: [UInt8] = []
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                    .utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: body))
    }

    @Test("An asset's QR label opens the form with the device; a post with a file opens a QR ticket")
    func qrLabelToTicket() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            // given a web form and a device
            let tenant = try await platform.makeTenant()
            let token = tenant.adminToken.secret
            #expect(
                try await client.call(.post, "/api/v1/connectors", token: token, json: Self.form).status == .created)
            let asset = try await CustomerAPIFixtures.asset(
                client, token: token, #"{"serial_number":"SN-7788","model":"激光打印机 P2000"}"#)
            let assetID = try #require(asset["id"] as? String)
            // when its label is made, as PNG and as SVG
            let png = try await client.execute(
                uri: "/api/v1/assets/\(assetID)/qr?form=repair", method: .get,
                headers: [.authorization: "Bearer \(token)"]
            ) { ($0.status, $0.headers, Array($0.body.readableBytesView)) }
            let svg = try await client.execute(
                uri: "/api/v1/assets/\(assetID)/qr?form=repair&format=svg", method: .get,
                headers: [.authorization: "Bearer \(token)"]
            ) { ($0.status, $0.headers[.contentType], String(buffer: $0.body)) }
            // then the PNG decodes to the signed link the header names, and the SVG is an SVG
            #expect(png.0 == .ok && png.1[.contentType] == "image/png")
            let link = try Self.decodeQR(png.2)
            #expect(link == png.1[HTTPField.Name("X-QR-Link")!])
            // (on the tenant's customer portal)
            #expect(link.contains("/portal/\(tenant.tenant.slug)/forms/repair?asset=SN%2D7788&sig="))
            #expect(svg.0 == .ok && svg.1 == "image/svg+xml" && svg.2.contains("<svg"))
            // when a customer opens the link
            let path = String(link[try #require(link.range(of: "/portal/")).lowerBound...])
            let page = try await client.execute(uri: path, method: .get) { ($0.status, String(buffer: $0.body)) }
            #expect(page.0 == .ok)
            #expect(page.1.contains("SN-7788") && page.1.contains("激光打印机 P2000"))
            // and posts the form with a photo, as a browser does
            let query = URLComponents(string: "http://x\(path)")?.queryItems ?? []
            let photo: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9]
            let (type, body) = Self.multipart(
                [
                    "name": "孙工", "email": "sun@example.cn", "subject": "卡纸", "description": "打印时卡纸，有异响",
                    "asset": query.first { $0.name == "asset" }?.value ?? "",
                    "sig": query.first { $0.name == "sig" }?.value ?? "",
                ], file: ("卡纸.png", "image/png", photo))
            let posted = try await client.execute(
                uri: "/forms/\(tenant.tenant.slug)/repair", method: .post, headers: [.contentType: type], body: body
            ) { ($0.status, String(buffer: $0.body)) }
            // then a ticket about the device exists, on the QR channel, with the photo
            #expect(posted.0 == .created, "\(posted.1)")
            let (tickets, _) = try await platform.tickets.list(TicketQuery(), tenant: tenant.tenant.id)
            let ticket = try #require(tickets.tickets.first)
            #expect(posted.1.contains("#\(ticket.number)"))
            #expect(ticket.channel == .qr)
            #expect(ticket.assetID?.description == assetID)
            #expect(ticket.tags == ["报修"])
            let files = try await platform.attachments.list(.id(ticket.id), tenant: tenant.tenant.id)
            #expect(files.map(\.filename) == ["卡纸.png"])
        }
    }

    @Test("A post that fills the hidden field, or comes at once, is thanked and dropped")
    func automatedPostsAreDropped() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            // given a web form, whose page carries the trap and the time it was rendered
            let tenant = try await platform.makeTenant()
            let slug = tenant.tenant.slug.rawValue
            _ = try await client.call(.post, "/api/v1/connectors", token: tenant.adminToken.secret, json: Self.form)
            let page = try await client.execute(uri: "/forms/\(slug)/repair", method: .get) { String(buffer: $0.body) }
            #expect(page.contains(#"<p hidden aria-hidden="true">"#) && page.contains(#"name="rendered_at""#))
            let now = Int(Date().timeIntervalSince1970)
            let base = ["email": "bot@example.cn", "description": "cheap pills"]
            // when a bot fills every field, or posts the moment the page was rendered, and a person takes their time
            let posts: [[String: String]] = [
                base.merging(["website": "http://spam.example"]) { $1 },
                base.merging(["rendered_at": "\(now)"]) { $1 },
                ["email": "zhao@example.cn", "description": "屏幕不亮", "rendered_at": "\(now - 30)", "website": ""],
            ]
            var answers: [(HTTPResponse.Status, String)] = []
            for fields in posts {
                let (type, body) = Self.multipart(fields, file: nil)
                answers.append(
                    try await client.execute(
                        uri: "/forms/\(slug)/repair", method: .post, headers: [.contentType: type], body: body
                    ) { ($0.status, String(buffer: $0.body)) })
            }
            // then all three are thanked, but only the person's request became a ticket
            #expect(answers.allSatisfy { $0.0 == .created })
            #expect(!answers[0].1.contains("#") && !answers[1].1.contains("#") && answers[2].1.contains("#"))
            let (tickets, _) = try await platform.tickets.list(TicketQuery(), tenant: tenant.tenant.id)
            #expect(tickets.tickets.map(\.description) == ["屏幕不亮"])
        }
    }

    @Test("Forged links, missing contacts and unknown forms are refused; posts are rate-limited")
    func refusals() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            // given a web form
            let tenant = try await platform.makeTenant()
            let slug = tenant.tenant.slug.rawValue
            _ = try await client.call(.post, "/api/v1/connectors", token: tenant.adminToken.secret, json: Self.form)
            // when a link is forged, a submission leaves no contact, or the form does not exist
            let forged = try await client.call(
                .post, "/forms/\(slug)/repair",
                json: #"{"email":"a@example.cn","description":"x","asset":"SN-1","sig":"00"}"#)
            let anonymous = try await client.call(.post, "/forms/\(slug)/repair", json: #"{"description":"x"}"#)
            let unknown = try await client.call(.post, "/forms/\(slug)/nope", json: #"{"description":"x"}"#)
            // then each is refused with its code, and nothing was written
            #expect(forged.status == .badRequest && forged.body.errorCode == "invalid_asset_link")
            #expect(anonymous.status == .badRequest)
            #expect(unknown.status == .notFound)
            // and, with those two counted, the 21st post to the form within the hour is refused
            for index in 0..<18 {
                let posted = try await client.call(
                    .post, "/forms/\(slug)/repair", json: #"{"email":"r\#(index)@example.cn","description":"x"}"#)
                #expect(posted.status == .created, "\(posted.body)")
            }
            let limited = try await client.call(
                .post, "/forms/\(slug)/repair", json: #"{"email":"late@example.cn","description":"x"}"#)
            #expect(limited.status == .tooManyRequests && limited.headers[.retryAfter] != nil)
            let (page, _) = try await platform.tickets.list(TicketQuery(), tenant: tenant.tenant.id)
            #expect(page.tickets.count == 18)
        }
    }
}
