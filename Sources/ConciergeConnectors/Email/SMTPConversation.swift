import Logging
import NIOCore
import NIOSSL

/// The client's side of one SMTP session (RFC 5321): greeting, EHLO (or HELO), STARTTLS, AUTH,
/// a mail transaction, QUIT.
///
/// Each step checks the reply it needs and turns any other reply into an ``SMTPError`` that keeps
/// the command and the reply, so the delivery log shows exactly where and why the server refused.
struct SMTPConversation {
    let connection: SMTPConnection
    let configuration: SMTPConfiguration
    let sslContext: NIOSSLContext?
    let logger: Logger
    private(set) var extensions = SMTPServerExtensions()
    private(set) var isEncrypted: Bool

    /// Connects and runs everything before the mail transaction: greeting, EHLO, STARTTLS, AUTH.
    static func open(
        configuration: SMTPConfiguration, sslContext: NIOSSLContext?, eventLoopGroup: any EventLoopGroup,
        logger: Logger
    ) async throws(SMTPError) -> SMTPConversation {
        let implicitTLS = configuration.security == .tls
        let connection = try await SMTPConnection.connect(
            host: configuration.host, port: configuration.port, timeout: configuration.connectTimeout,
            implicitTLS: implicitTLS ? sslContext : nil, serverName: configuration.serverNameIndication,
            eventLoopGroup: eventLoopGroup)
        var conversation = SMTPConversation(
            connection: connection, configuration: configuration, sslContext: sslContext, logger: logger,
            isEncrypted: implicitTLS)
        do throws(SMTPError) {
            let greeting = try await connection.readReply(timeout: configuration.commandTimeout)
            logger.trace("smtp greeting", metadata: ["smtp.reply": "\(greeting)"])
            guard greeting.code == 220 else { throw SMTPError(kind: .rejected, command: "greeting", reply: greeting) }
            try await conversation.hello()
            try await conversation.secure()
            try await conversation.authenticate()
            return conversation
        } catch {
            await conversation.quit()
            throw error
        }
    }

    /// Sends one message: MAIL FROM, RCPT TO for each recipient, DATA.
    ///
    /// Refused recipients do not stop the others; if every recipient is refused the message is
    /// not sent and the error lists each refusal.
    func deliver(_ message: [UInt8], envelope: SMTPEnvelope, messageID: String?) async throws(SMTPError)
        -> SMTPDeliveryReport
    {
        var mailFrom = "MAIL FROM:<\(envelope.sender)>"
        if extensions.maximumMessageSize != nil { mailFrom += " SIZE=\(message.count)" }
        if extensions.supports8BitMIME, message.contains(where: { $0 >= 128 }) { mailFrom += " BODY=8BITMIME" }
        try await command(mailFrom, expecting: 250)

        var accepted: [String] = []
        var refused: [SMTPRecipientRefusal] = []
        for recipient in envelope.recipients {
            let rcptTo = "RCPT TO:<\(recipient)>"
            let reply = try await command(rcptTo)
            if reply.code == 250 || reply.code == 251 {
                accepted.append(recipient)
            } else if reply.code == 421 {
                // 421: the server is closing the connection; no later command will be answered.
                throw SMTPError(kind: .rejected, command: rcptTo, reply: reply)
            } else {
                refused.append(SMTPRecipientRefusal(address: recipient, reply: reply))
            }
        }
        guard !accepted.isEmpty else {
            _ = try? await command("RSET")
            throw SMTPError(
                kind: .allRecipientsRefused, command: "RCPT TO", reply: refused.last?.reply, refusedRecipients: refused)
        }

        try await command("DATA", expecting: 354)
        let final = try await connection.send(data: SMTPDataEncoder.encode(message), timeout: configuration.dataTimeout)
        guard final.code == 250 else { throw SMTPError(kind: .rejected, command: "end of data", reply: final) }
        logger.debug(
            "smtp message accepted",
            metadata: ["smtp.reply": "\(final)", "smtp.refused_recipients": "\(refused.count)"])
        return SMTPDeliveryReport(
            messageID: messageID, acceptedRecipients: accepted, refusedRecipients: refused, reply: final,
            wasEncrypted: isEncrypted)
    }

    /// Says goodbye and closes the connection. A server that does not answer QUIT has still
    /// received the message, so nothing here can fail the delivery.
    func quit() async {
        _ = try? await connection.send(command: "QUIT", timeout: min(configuration.commandTimeout, .seconds(5)))
        await connection.close()
    }

    /// Sends a command, logging it as `loggedAs` when the real line carries a secret.
    @discardableResult
    func command(_ line: String, loggedAs: String? = nil, expecting expected: Int? = nil) async throws(SMTPError)
        -> SMTPReply
    {
        let reply = try await connection.send(command: line, timeout: configuration.commandTimeout)
        logger.trace("smtp command", metadata: ["smtp.command": "\(loggedAs ?? line)", "smtp.reply": "\(reply)"])
        if let expected, reply.code != expected {
            throw SMTPError(kind: .rejected, command: loggedAs ?? line, reply: reply)
        }
        return reply
    }

    /// EHLO, or HELO for the rare server that does not understand EHLO (then without extensions).
    private mutating func hello() async throws(SMTPError) {
        let ehlo = try await command("EHLO \(configuration.clientHostname)")
        if ehlo.code == 250 {
            extensions = SMTPServerExtensions(ehloReply: ehlo)
            return
        }
        guard ehlo.isPermanentFailure else { throw SMTPError(kind: .rejected, command: "EHLO", reply: ehlo) }
        try await command("HELO \(configuration.clientHostname)", expecting: 250)
        extensions = SMTPServerExtensions()
    }

    /// STARTTLS when the configuration asks for it (RFC 3207), then EHLO again: what the server
    /// said before TLS may have been changed by an attacker and must be forgotten.
    private mutating func secure() async throws(SMTPError) {
        guard configuration.security == .startTLS || configuration.security == .opportunistic, let sslContext else {
            return
        }
        guard extensions.supportsStartTLS else {
            if configuration.security == .startTLS {
                throw SMTPError(
                    kind: .startTLSNotOffered,
                    detail: "\(configuration.host):\(configuration.port) does not offer STARTTLS, which is required")
            }
            logger.debug("smtp server offers no STARTTLS; continuing unencrypted")
            return
        }
        let reply = try await command("STARTTLS")
        guard reply.code == 220 else {
            if configuration.security == .startTLS {
                throw SMTPError(kind: .rejected, command: "STARTTLS", reply: reply)
            }
            logger.debug("smtp server refused STARTTLS; continuing unencrypted", metadata: ["smtp.reply": "\(reply)"])
            return
        }
        try await connection.startTLS(context: sslContext, serverName: configuration.serverNameIndication)
        isEncrypted = true
        try await hello()
    }
}
