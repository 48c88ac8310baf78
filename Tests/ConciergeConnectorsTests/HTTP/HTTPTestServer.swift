import ConciergePeerTestSupport
import Foundation

/// A real HTTP/1.1 server for one test: `http_test_server.py` (Python's standard library) on a
/// free port of 127.0.0.1, plain or with TLS under a certificate issued at test time by a
/// throwaway CA made with the openssl CLI. It logs every connection and request it sees.
///
/// Needs `python3` and `openssl`; `CONCIERGE_TEST_PYTHON` names another interpreter.
struct HTTPTestServer: Sendable {
    /// How the server is set up; the default is plain HTTP.
    struct Options: Sendable {
        /// Serves TLS with a certificate for these subjectAltNames, issued by the test CA.
        var certificateNames: String?

        /// TLS with a certificate for `localhost` and `127.0.0.1`.
        static let tls = Options(certificateNames: "DNS:localhost,IP:127.0.0.1")
        /// TLS with a certificate for another host, which clients must refuse.
        static let tlsForAnotherHost = Options(certificateNames: "DNS:api.other.example")
    }

    let port: Int
    let usesTLS: Bool
    /// The PEM file of the CA that issued the server's certificate (TLS only).
    let certificateAuthorityPath: String
    private let directory: URL

    /// Whether the tools exist at all; tests are skipped, not failed, without them.
    static let toolsAreInstalled =
        python != nil && TestServerProcess.executable(named: "openssl") != nil

    /// Runs `body` with a fresh server and stops the server afterwards, also when `body` throws.
    static func run(_ options: Options = Options(), _ body: (HTTPTestServer) async throws -> Void) async throws {
        guard let python else { throw TestServerProcessError("no python3 found: install python3") }
        let directory = try TestServerProcess.makeDirectory(prefix: "http-test")
        defer { try? FileManager.default.removeItem(at: directory) }
        var arguments = ["--dir", directory.path]
        var caPath = ""
        if let names = options.certificateNames {
            let files = try makeCertificates(in: directory, names: names)
            arguments += ["--cert", files.certificate, "--key", files.key]
            caPath = files.authority
        }
        try await TestServerProcess.run(python: python, script: scriptPath, arguments: arguments, directory: directory)
        {
            port in
            try await body(
                HTTPTestServer(
                    port: port, usesTLS: options.certificateNames != nil, certificateAuthorityPath: caPath,
                    directory: directory))
        }
    }

    /// An absolute URL on this server, by default addressed as `127.0.0.1`.
    func url(_ pathAndQuery: String, host: String = "127.0.0.1") -> String {
        "\(usesTLS ? "https" : "http")://\(host):\(port)\(pathAndQuery)"
    }

    /// How many TCP connections the server has accepted.
    func connectionCount() -> Int { lines(of: "connections.log").count }

    /// The requests the server has seen, as `METHOD TARGET`, oldest first.
    func requestLines() -> [String] { lines(of: "requests.log") }

    private func lines(of name: String) -> [String] {
        let text = (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    private static let scriptPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("http_test_server.py").path

    private static let python: String? =
        ProcessInfo.processInfo.environment["CONCIERGE_TEST_PYTHON"] ?? TestServerProcess.executable(named: "python3")

    /// A CA and a server certificate it issued for `names`, in the server's folder so they go
    /// away with it. A real chain rather than a self-signed leaf, as production servers have.
    private static func makeCertificates(in folder: URL, names: String) throws -> (
        authority: String, certificate: String, key: String
    ) {
        let openssl = TestServerProcess.executable(named: "openssl") ?? "openssl"
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2"]
        try TestServerProcess.runTool(
            openssl,
            ["req", "-x509"] + curve + [
                "-keyout", path("ca.key"), "-out", path("ca.pem"), "-subj", "/CN=Concierge Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ])
        try TestServerProcess.runTool(
            openssl,
            ["req", "-x509", "-CA", path("ca.pem"), "-CAkey", path("ca.key")] + curve + [
                "-keyout", path("server.key"), "-out", path("server.pem"), "-subj", "/CN=concierge-test-server",
                "-addext", "subjectAltName=\(names)", "-addext", "basicConstraints=critical,CA:FALSE",
                "-addext", "extendedKeyUsage=serverAuth",
            ])
        return (path("ca.pem"), path("server.pem"), path("server.key"))
    }
}
