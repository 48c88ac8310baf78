import ConciergePeerTestSupport
import Foundation

/// A real SMTP server on 127.0.0.1 for one test: the connectors' `smtp_test_server.py`
/// (Python's aiosmtpd, Debian's `python3-aiosmtpd`) in plaintext mode, recording every message
/// it accepts as JSON. For tests of the platform's email path; the SMTP client's own tests
/// exercise TLS and AUTH.
public struct MailCatcher: Sendable {
    public let port: Int
    let directory: URL

    /// One accepted message, as the server's email parser decoded it.
    public struct Message: Decodable, Sendable {
        public var rcptTos: [String]
        public var subject: String?
        public var text: String?
        /// Every header field as name and decoded value, in order.
        public var headers: [[String]]

        /// The decoded value of the first header field with this name.
        public func header(_ name: String) -> String? {
            headers.first { $0.first?.lowercased() == name.lowercased() }?.last
        }

        enum CodingKeys: String, CodingKey {
            case rcptTos = "rcpt_tos"
            case subject, text, headers
        }
    }

    /// Runs `body` with a fresh server, stopped afterwards.
    public static func run<T: Sendable>(_ body: (MailCatcher) async throws -> T) async throws -> T {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("ConciergeConnectorsTests/Email/smtp_test_server.py").path
        let directory = try TestServerProcess.makeDirectory(prefix: "mail")
        defer { try? FileManager.default.removeItem(at: directory) }
        let python = ProcessInfo.processInfo.environment["CONCIERGE_TEST_PYTHON"] ?? "/usr/bin/python3"
        return try await TestServerProcess.run(
            python: python, script: script, arguments: ["--dir", directory.path, "--tls", "none"], directory: directory
        ) { port in
            try await body(MailCatcher(port: port, directory: directory))
        }
    }

    /// The messages accepted so far, oldest first.
    public func messages() throws -> [Message] {
        let folder = directory.appendingPathComponent("messages")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map {
            try JSONDecoder().decode(Message.self, from: Data(contentsOf: folder.appendingPathComponent($0)))
        }
    }
}
