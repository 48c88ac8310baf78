import ConciergePeerTestSupport
import Foundation

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
    static let toolsAreInstalled =
        TestServerProcess.executable(named: "python3") != nil && TestServerProcess.executable(named: "openssl") != nil

    /// Runs `body` with a fresh server and stops the server afterwards, also when `body` throws.
    static func run(_ options: Options = Options(), _ body: (SMTPTestServer) async throws -> Void) async throws {
        let python = try interpreter.get()
        let directory = try TestServerProcess.makeDirectory(prefix: "smtp-test")
        defer { try? FileManager.default.removeItem(at: directory) }
        let names = options.presentsCertificateForAnotherHost ? "DNS:mail.other.example" : "DNS:localhost,IP:127.0.0.1"
        let (certificate, key) = try makeCertificate(in: directory, names: names)

        var arguments = ["--dir", directory.path, "--tls", options.tls.rawValue]
        arguments += [
            "--cert", certificate, "--key", key, "--auth-mechanisms", options.authMechanisms.joined(separator: ","),
        ]
        if let credentials = options.credentials {
            arguments += ["--user", credentials.username, "--password", credentials.password]
        }
        if options.refusesEHLO { arguments.append("--refuse-ehlo") }
        if options.isSilent { arguments.append("--silent") }
        try await TestServerProcess.run(python: python, script: scriptPath, arguments: arguments, directory: directory)
        {
            port in
            try await body(SMTPTestServer(port: port, certificatePath: certificate, directory: directory))
        }
    }

    /// The messages the server accepted so far, oldest first.
    func receivedMessages() throws -> [ReceivedEmail] {
        let folder = directory.appendingPathComponent("messages")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            try JSONDecoder().decode(ReceivedEmail.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
        }
    }

    /// A port on 127.0.0.1 where nothing listens.
    static func unusedPort() async throws -> Int { try await TestServerProcess.unusedPort() }

    private static let scriptPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("smtp_test_server.py").path

    /// The first interpreter that can import aiosmtpd, found once per test run.
    private static let interpreter: Result<String, TestServerProcessError> = {
        let environment = ProcessInfo.processInfo.environment["CONCIERGE_TEST_PYTHON"]
        let candidates = [environment, TestServerProcess.executable(named: "python3"), "/usr/bin/python3"]
            .compactMap { $0 }
        for candidate in candidates where (try? TestServerProcess.runTool(candidate, ["-c", "import aiosmtpd"])) != nil
        {
            return .success(candidate)
        }
        return .failure(
            TestServerProcessError(
                "no python3 can import aiosmtpd (tried \(candidates.joined(separator: ", "))): "
                    + "apt-get install python3-aiosmtpd, or pip install aiosmtpd and set CONCIERGE_TEST_PYTHON"))
    }()

    /// A self-signed certificate for `names` (a subjectAltName list), made in the server's folder
    /// so it goes away with the server.
    private static func makeCertificate(in folder: URL, names: String) throws -> (certificate: String, key: String) {
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        try TestServerProcess.runTool(
            TestServerProcess.executable(named: "openssl") ?? "openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=concierge-test",
                "-addext", "subjectAltName=\(names)",
            ])
        return (certificate, key)
    }
}
