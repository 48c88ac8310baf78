import Logging
import NIOCore
import NIOSSL

/// The client's side of one IMAP session (RFC 3501): greeting, CAPABILITY, STARTTLS, LOGIN,
/// then mailbox commands, LOGOUT.
///
/// Each command's completion is checked; `NO` and `BAD` become an ``IMAPError`` that keeps the
/// command (as logged, without the password) and the server's text.
struct IMAPSession {
    let connection: IMAPConnection
    let configuration: IMAPConfiguration
    let logger: Logger
    private var commandCount = 0
    private(set) var capabilities: Set<String> = []

    /// Connects and runs everything before the mailbox is selected: greeting, CAPABILITY,
    /// STARTTLS, LOGIN.
    static func open(
        configuration: IMAPConfiguration, sslContext: NIOSSLContext?, eventLoopGroup: any EventLoopGroup,
        logger: Logger
    ) async throws(IMAPError) -> IMAPSession {
        let connection = try await IMAPConnection.connect(
            configuration: configuration, implicitTLS: configuration.security == .tls ? sslContext : nil,
            eventLoopGroup: eventLoopGroup)
        var session = IMAPSession(connection: connection, configuration: configuration, logger: logger)
        do throws(IMAPError) {
            let greeting = try await connection.readGreeting(timeout: configuration.commandTimeout)
            logger.trace("imap greeting", metadata: ["imap.response": "\(greeting)"])
            guard greeting.status == .ok || greeting.status == .preauth else {
                throw IMAPError(kind: .connectionClosed, command: "greeting", serverText: greeting.description)
            }
            try await session.refreshCapabilities()
            if configuration.security == .startTLS, let sslContext {
                try await session.startTLS(sslContext)
            }
            if greeting.status != .preauth {
                try await session.login()
            }
            return session
        } catch {
            await connection.close()
            throw error
        }
    }

    /// Sends a command built by `build` and returns what it produced; `NO` or `BAD` throws an
    /// error of kind `refusal`.
    @discardableResult
    mutating func run(
        _ name: String, refusal: IMAPError.Kind = .commandFailed, _ build: (inout IMAPCommand) -> Void = { _ in }
    ) async throws(IMAPError) -> IMAPCommandResult {
        commandCount += 1
        let tag = "C\(commandCount)"
        var command = IMAPCommand(
            tag: tag, name, usesNonSynchronizingLiterals: capabilities.contains("LITERAL+"))
        build(&command)
        let result = try await connection.run(command, tag: tag, timeout: configuration.commandTimeout)
        logger.trace(
            "imap command",
            metadata: ["imap.command": "\(command.loggedAs)", "imap.response": "\(result.completion)"])
        guard result.completion.status == .ok else {
            throw IMAPError(kind: refusal, command: command.loggedAs, serverText: result.completion.description)
        }
        return result
    }

    /// Says goodbye and closes the connection. Nothing here can fail: the work is done.
    mutating func logout() async {
        _ = try? await run("LOGOUT")
        await connection.close()
    }

    /// Asks for the capabilities; they may change after STARTTLS and must be asked again.
    private mutating func refreshCapabilities() async throws(IMAPError) {
        let result = try await run("CAPABILITY")
        var capabilities: Set<String> = []
        for case .capability(let names) in result.untagged {
            capabilities.formUnion(names.map { $0.uppercased() })
        }
        self.capabilities = capabilities
    }

    /// STARTTLS (RFC 3501 §6.2.1), then CAPABILITY again: what the server said before TLS may
    /// have been changed by an attacker and must be forgotten.
    private mutating func startTLS(_ sslContext: NIOSSLContext) async throws(IMAPError) {
        guard capabilities.contains("STARTTLS") else {
            throw IMAPError(
                kind: .startTLSNotOffered,
                detail: "\(configuration.host):\(configuration.port) does not offer STARTTLS, which is required")
        }
        try await run("STARTTLS")
        try await connection.startTLS(context: sslContext, serverName: configuration.serverNameIndication)
        try await refreshCapabilities()
    }

    /// LOGIN with the configured username and password, quoted or as literals (RFC 3501 §6.2.3).
    private mutating func login() async throws(IMAPError) {
        guard !capabilities.contains("LOGINDISABLED") else {
            throw IMAPError(
                kind: .authenticationFailed, command: "LOGIN",
                detail: "the server forbids LOGIN on this connection (LOGINDISABLED)")
        }
        let username = configuration.username
        let password = configuration.password
        try await run("LOGIN", refusal: .authenticationFailed) { command in
            command.append(string: username)
            command.append(string: password, isSecret: true)
        }
    }
}
