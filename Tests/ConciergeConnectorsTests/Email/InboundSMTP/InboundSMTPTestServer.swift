import ConciergeConnectors
import ConciergePeerTestSupport
import Foundation
import Logging
import NIOCore

/// An ``InboundSMTPServer`` on a free port of 127.0.0.1 for one test, with the shared
/// ``TestCertificate`` for STARTTLS and a ``TestInbox``. Recipients starting with `nobody` are refused.
struct InboundSMTPTestServer: Sendable {
    let server: InboundSMTPServer
    let inbox: TestInbox
    let certificatePath: String
    let directory: URL

    var port: Int { server.localAddress.port ?? 0 }

    /// Whether openssl exists for the certificate; tests are skipped, not failed, without it.
    static let toolsAreInstalled = TestCertificate.canBeMade

    /// The limits a test may change; the rest of the configuration is the same for all.
    struct Limits {
        var maximumMessageSize = 25 * 1024 * 1024
        var maximumRecipients = 100
        var idleTimeout = Duration.seconds(20)
        var maximumConnections = 100
    }

    /// Runs `body` with a fresh server, then shuts the server down and waits for it to stop.
    static func run(_ limits: Limits = Limits(), _ body: (InboundSMTPTestServer) async throws -> Void) async throws {
        let directory = try TestServerProcess.makeDirectory(prefix: "inbound-smtp-test")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (certificate, key) = try TestCertificate.files.get()
        let configuration = InboundSMTPConfiguration(
            host: "127.0.0.1", port: 0, serverName: "mx.concierge-test.localhost",
            tls: .init(certificateChainFile: certificate, privateKeyFile: key),
            maximumMessageSize: limits.maximumMessageSize, maximumRecipients: limits.maximumRecipients,
            idleTimeout: limits.idleTimeout, maximumConnections: limits.maximumConnections)
        let inbox = TestInbox()
        let server = try await InboundSMTPServer.bind(
            configuration: configuration,
            acceptsRecipient: { !$0.hasPrefix("nobody") },
            receiveMessage: { try await inbox.receive($0, $1) },
            logger: Logger(label: "concierge.smtp.inbound.tests"))
        let testServer = InboundSMTPTestServer(
            server: server, inbox: inbox, certificatePath: certificate, directory: directory)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await server.run() }
            do {
                try await body(testServer)
            } catch {
                await server.shutdown(gracePeriod: .zero)
                throw error
            }
            await server.shutdown(gracePeriod: .seconds(5))
            try await group.waitForAll()
        }
    }

    /// The messages stored so far.
    func deliveries() async -> [TestInbox.Delivery] { await inbox.deliveries }

    /// Writes `bytes` to a file in the server's folder, for `swaks --data @file`.
    func file(_ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent("data-\(UUID().uuidString).eml")
        try Data(bytes).write(to: url)
        return url.path
    }
}
