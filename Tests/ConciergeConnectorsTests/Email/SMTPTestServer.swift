import Foundation
import NIOCore
import NIOPosix

/// A real SMTP server for one test: `smtp_test_server.py` (Python's aiosmtpd) on a free port of
/// 127.0.0.1, with a self-signed certificate made by the openssl CLI, recording every message it
/// accepts as JSON parsed by Python's email package.
///
/// Needs `python3` with aiosmtpd (Debian: `python3-aiosmtpd`; or `pip install aiosmtpd`) and
/// `openssl`. `CONCIERGE_TEST_PYTHON` names the interpreter when it is not the first `python3`
/// on PATH (or /usr/bin/python3) that can import aiosmtpd.
struct SMTPTestServer: Sendable {
    /// How the server is set up; the defaults are a plaintext server without AUTH.
    struct Options: Sendable {
        enum TLS: String, Sendable { case none, starttls, implicit }
        var tls: TLS = .none
        /// Requires AUTH with this username and password.
        var credentials: (username: String, password: String)?
        /// AUTH mechanisms offered, from "PLAIN" and "LOGIN".
        var authMechanisms = ["PLAIN", "LOGIN"]
        /// Answers EHLO with 502, so clients must fall back to HELO.
        var refusesEHLO = false
        /// Accepts connections and never says anything.
        var isSilent = false
        /// Presents a certificate for mail.other.example instead of 127.0.0.1 and localhost.
        var presentsCertificateForAnotherHost = false
    }

    static let username = "agent@acme.example"
    static let password = "s3cret-密码"

    let port: Int
    let certificatePath: String
    private let directory: URL

    /// Whether the tools exist at all; tests are skipped, not failed, without them.
    static let toolsAreInstalled = executable(named: "python3") != nil && executable(named: "openssl") != nil

    /// Runs `body` with a fresh server and stops the server afterwards, also when `body` throws.
    static func run(_ options: Options = Options(), _ body: (SMTPTestServer) async throws -> Void) async throws {
        let python = try interpreter.get()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let names = options.presentsCertificateForAnotherHost ? "DNS:mail.other.example" : "DNS:localhost,IP:127.0.0.1"
        let (certificate, key) = try makeCertificate(in: directory, names: names)

        var arguments = [scriptPath, "--dir", directory.path, "--tls", options.tls.rawValue]
        arguments += [
            "--cert", certificate, "--key", key, "--auth-mechanisms", options.authMechanisms.joined(separator: ","),
        ]
        if let credentials = options.credentials {
            arguments += ["--user", credentials.username, "--password", credentials.password]
        }
        if options.refusesEHLO { arguments.append("--refuse-ehlo") }
        if options.isSilent { arguments.append("--silent") }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        // The server exits when this pipe closes, so it cannot outlive a crashed test run.
        let lifeline = Pipe()
        process.standardInput = lifeline
        let log = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        // The server has its own copy now.
        try? logHandle.close()
        defer {
            process.terminate()
            try? lifeline.fileHandleForWriting.close()
        }

        let port = try await waitForPort(in: directory, process: process, log: log)
        try await body(SMTPTestServer(port: port, certificatePath: certificate, directory: directory))
    }

    /// The messages the server accepted so far, oldest first.
    func receivedMessages() throws -> [ReceivedEmail] {
        let folder = directory.appendingPathComponent("messages")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            try JSONDecoder().decode(ReceivedEmail.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
        }
    }

    /// A port on 127.0.0.1 where nothing listens: bound, then closed again.
    static func unusedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port
        try await channel.close()
        guard let port else { throw SMTPTestServerError("cannot bind a socket on 127.0.0.1") }
        return port
    }

    private static func waitForPort(in directory: URL, process: Process, log: URL) async throws -> Int {
        let portFile = directory.appendingPathComponent("port")
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) { return port }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw SMTPTestServerError("smtp_test_server.py did not start:\n\(output)")
    }

    private static let scriptPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("smtp_test_server.py").path

    /// The first interpreter that can import aiosmtpd, found once per test run.
    private static let interpreter: Result<String, SMTPTestServerError> = {
        let environment = ProcessInfo.processInfo.environment["CONCIERGE_TEST_PYTHON"]
        let candidates = [environment, executable(named: "python3"), "/usr/bin/python3"].compactMap { $0 }
        for candidate in candidates where (try? runTool(candidate, ["-c", "import aiosmtpd"])) != nil {
            return .success(candidate)
        }
        return .failure(
            SMTPTestServerError(
                "no python3 can import aiosmtpd (tried \(candidates.joined(separator: ", "))): "
                    + "apt-get install python3-aiosmtpd, or pip install aiosmtpd and set CONCIERGE_TEST_PYTHON"))
    }()

    /// A self-signed certificate for `names` (a subjectAltName list), made in the server's folder
    /// so it goes away with the server.
    private static func makeCertificate(in folder: URL, names: String) throws -> (certificate: String, key: String) {
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        try runTool(
            executable(named: "openssl") ?? "openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=concierge-test",
                "-addext", "subjectAltName=\(names)",
            ])
        return (certificate, key)
    }

    private static func runTool(_ path: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SMTPTestServerError("\(path) \(arguments.joined(separator: " ")) failed")
        }
    }

    private static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}

/// Why the test server could not be used, in words that say what to install.
struct SMTPTestServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
