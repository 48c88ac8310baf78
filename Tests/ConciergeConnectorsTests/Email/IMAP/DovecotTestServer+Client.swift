import ConciergeConnectors
import ConciergePeerTestSupport
import Foundation
import Logging

extension DovecotTestServer {
    /// A client for this server that trusts its self-signed certificate, on the port that fits
    /// `security`.
    func client(
        security: IMAPConfiguration.Security = .tls,
        certificateTrust: IMAPConfiguration.CertificateTrust? = nil,
        password: String = DovecotTestServer.password,
        mailbox: String = "INBOX",
        maximumMessageSize: Int = 25 * 1024 * 1024,
        maximumBatchBytes: Int = 64 * 1024 * 1024,
        logger: Logger = Logger(label: "concierge.imap.tests")
    ) throws -> IMAPClient {
        try IMAPClient(
            configuration: IMAPConfiguration(
                host: "127.0.0.1", port: security == .tls ? imapsPort : imapPort, security: security,
                certificateTrust: certificateTrust ?? .certificateAuthorityFile(certificatePath),
                username: Self.username, password: password, mailbox: mailbox,
                connectTimeout: .seconds(5), commandTimeout: .seconds(10),
                maximumMessageSize: maximumMessageSize, maximumBatchBytes: maximumBatchBytes),
            logger: logger)
    }
}

/// Messages as they arrive from the internet, with CRLF line ends as Maildir stores them here.
enum TestMail {
    /// A short plain ASCII message; `tag` makes each one different.
    static func plain(_ tag: String) -> [UInt8] {
        Array(
            """
            From: Zhang San <zhang@example.com>\r
            To: support@acme.example\r
            Subject: Order \(tag)\r
            Message-ID: <\(tag)@example.com>\r
            \r
            Where is my order \(tag)?\r
            .a line that starts with a dot\r

            """.utf8)
    }

    /// A Chinese message in GBK with 8-bit bytes in headers and body, as older clients send it.
    static let gbk: [UInt8] =
        Array("From: =?GBK?B?1cXI/Q==?= <zhang@example.com>\r\nSubject: ".utf8)
        + [0xB6, 0xA9, 0xB5, 0xA5, 0xCE, 0xCA, 0xCC, 0xE2]
        + Array("\r\nContent-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".utf8)
        + [0xC4, 0xFA, 0xBA, 0xC3, 0xA3, 0xAC, 0xCE, 0xD2, 0xB5, 0xC4, 0xB6, 0xA9, 0xB5, 0xA5, 0x0D, 0x0A]

    /// A message with a binary attachment of `size` pseudo-random bytes, base64 in lines of 76.
    static func withAttachment(size: Int) -> [UInt8] {
        var generator = SeededGenerator(seed: UInt64(size))
        var attachment = Data(capacity: size + 8)
        while attachment.count < size {
            withUnsafeBytes(of: generator.next()) { attachment.append(contentsOf: $0) }
        }
        attachment.removeLast(attachment.count - size)
        let base64 = attachment.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn])
        let head = """
            From: zhang@example.com\r
            Subject: logs\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b1"\r
            \r
            --b1\r
            Content-Type: application/octet-stream\r
            Content-Transfer-Encoding: base64\r
            \r

            """
        var message = Array(head.utf8)
        message.reserveCapacity(message.count + base64.utf8.count * 79 / 76 + 16)
        for byte in base64.utf8 {
            message.append(byte)
            if byte == 13 { message.append(10) }
        }
        return message + Array("\r\n--b1--\r\n".utf8)
    }
}

/// A small deterministic generator, so a failing large-message test can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 31)
    }
}
