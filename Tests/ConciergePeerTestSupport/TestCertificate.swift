import Foundation

/// A self-signed certificate for `127.0.0.1` and `localhost`, made once per test run with the
/// openssl CLI and shared by the test servers that need one (Dovecot, the inbound SMTP server):
/// one key generation instead of one per test keeps the machine free for timing-sensitive tests.
/// The files are removed when the test process exits.
public enum TestCertificate {
    /// The PEM files, or why they could not be made.
    public static let files: Result<(certificate: String, key: String), TestServerProcessError> = {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            atexit { try? FileManager.default.removeItem(at: TestCertificate.directory) }
            let certificate = directory.appendingPathComponent("cert.pem").path
            let key = directory.appendingPathComponent("key.pem").path
            try TestServerProcess.runTool(
                TestServerProcess.executable(named: "openssl") ?? "openssl",
                [
                    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=concierge-test",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                ])
            return .success((certificate, key))
        } catch {
            return .failure(TestServerProcessError("cannot make a test certificate with openssl: \(error)"))
        }
    }()

    /// Whether openssl exists to make the certificate.
    public static let canBeMade = TestServerProcess.executable(named: "openssl") != nil

    private static let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("concierge-test-certificate-\(UUID().uuidString)")
}
