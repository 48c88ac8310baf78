import ConciergeConnectors
import NIOCore
import NIOPosix
import Testing

@Suite("IMAPClient without a working server")
struct IMAPClientWithoutServerTests {
    @Test("a server that accepts the connection and never answers times out")
    func silentServerTimesOut() async throws {
        // given
        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(silent.localAddress?.port)
        let client = try IMAPClient(
            configuration: IMAPConfiguration(
                host: "127.0.0.1", port: port, security: .plain, username: "u", password: "p",
                commandTimeout: .milliseconds(300)))

        // when
        let started = ContinuousClock.now
        let error = await #expect(throws: IMAPError.self) {
            _ = try await client.fetchNew(sinceUID: nil, uidValidity: nil, limit: 1)
        }
        try await silent.close()

        // then
        #expect(error?.kind == .timeout)
        #expect(error?.isRetryable == true)
        // well under the default of 60 s: the configured 300 ms applied (with room for a busy machine)
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test("a port where nothing listens is a retryable connection failure")
    func nothingListening() async throws {
        // given: port 1 (tcpmux), which nothing serves; a port freed for the test could be taken
        // by another test running in parallel
        let client = try IMAPClient(
            configuration: IMAPConfiguration(
                host: "127.0.0.1", port: 1, security: .plain, username: "u", password: "p",
                connectTimeout: .seconds(2), commandTimeout: .seconds(2)))

        // when
        let error = await #expect(throws: IMAPError.self) {
            _ = try await client.fetchNew(sinceUID: nil, uidValidity: nil, limit: 1)
        }

        // then
        #expect(error?.kind == .connectionFailed)
    }

    @Test("plaintext to a remote host is refused unless explicitly allowed; loopback is fine")
    func plaintextNeedsLoopbackOrPermission() throws {
        // given
        let remote = IMAPConfiguration(host: "imap.example.com", security: .plain, username: "u", password: "p")
        var allowed = remote
        allowed.allowsPlaintextToRemoteHost = true

        // when
        let error = #expect(throws: IMAPError.self) { _ = try IMAPClient(configuration: remote) }

        // then
        #expect(error?.kind == .invalidConfiguration)
        _ = try IMAPClient(configuration: allowed)
        for host in ["127.0.0.1", "127.8.9.10", "::1", "localhost"] {
            _ = try IMAPClient(
                configuration: IMAPConfiguration(host: host, security: .plain, username: "u", password: "p"))
        }
    }

    @Test("the configuration never prints the password, and ports follow the security")
    func configurationHidesPassword() {
        // given
        let configuration = IMAPConfiguration(host: "imap.example.com", username: "agent", password: "s3cret-密码")

        // when
        var dumped = ""
        dump(configuration, to: &dumped)
        let printed = "\(configuration) \(String(reflecting: configuration)) \(dumped)"

        // then
        #expect(!printed.contains("s3cret"))
        #expect(configuration.port == 993)
        #expect(IMAPConfiguration(host: "h", security: .startTLS, username: "u", password: "p").port == 143)
    }
}
