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
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: ProcessInfo.processInfo.environment["CONCIERGE_TEST_PYTHON"] ?? "/usr/bin/python3")
        process.arguments = [script, "--dir", directory.path, "--tls", "none"]
        let lifeline = Pipe()  // the server exits when this closes, even after a crash
        process.standardInput = lifeline
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            try? lifeline.fileHandleForWriting.close()
        }
        let portFile = directory.appendingPathComponent("port")
        // Generous: on a loaded 2-core machine many test servers start at once.
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                return try await body(MailCatcher(port: port, directory: directory))
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw MailCatcherError(message: "smtp_test_server.py did not start (is python3-aiosmtpd installed?)")
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

/// The mail catcher could not start.
public struct MailCatcherError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
