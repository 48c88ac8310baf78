import Logging
import NIOCore
import NIOSSL

/// The server's side of one SMTP connection (RFC 5321): greeting, EHLO/HELO, STARTTLS, then
/// mail transactions (MAIL, RCPT, DATA) until QUIT.
///
/// Commands are read from a buffer of lines and answered one by one in order, so clients may
/// pipeline them (RFC 2920). The session keeps the state of the conversation; the connection's
/// ``InboundSMTPConnectionGuard`` keeps time.
struct InboundSMTPSession {
    typealias Input = NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator

    /// The mail transaction between MAIL and the end of DATA (or RSET).
    struct Transaction {
        var mailFrom: String
        var recipients: [String] = []
    }

    let channel: any Channel
    let context: InboundSMTPSessionContext
    var configuration: InboundSMTPConfiguration { context.configuration }
    private var reader = InboundSMTPLineReader()
    /// Bytes taken from the input so far; STARTTLS compares it with the guard's count.
    private var bytesTaken = 0
    private(set) var helo: String?
    var transaction: Transaction?
    private(set) var isEncrypted = false

    init(channel: any Channel, context: InboundSMTPSessionContext) {
        self.channel = channel
        self.context = context
    }

    /// Serves the connection until QUIT, the end of the input or a broken connection.
    mutating func run(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>) async throws {
        var input = inbound.makeAsyncIterator()
        try await send(InboundSMTPReply(220, "\(configuration.serverName) ESMTP ready"))
        while let line = try await nextLine(&input, maximumLength: configuration.maximumCommandLength) {
            guard case .complete(let bytes) = line else {
                try await send(.lineTooLong)
                continue
            }
            let text = String(
                decoding: bytes.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
            guard try await handle(InboundSMTPCommand(line: text), input: &input) else { return }
        }
    }

    /// Answers one command; `false` when the session is over.
    private mutating func handle(_ command: InboundSMTPCommand, input: inout Input) async throws -> Bool {
        switch command {
        case .ehlo(let domain):
            greet(domain)
            try await send(ehloReply(domain))
        case .helo(let domain):
            greet(domain)
            try await send(InboundSMTPReply(250, configuration.serverName))
        case .mail(let from, let declaredSize):
            try await startTransaction(from: from, declaredSize: declaredSize)
        case .recipient(let address):
            try await addRecipient(address)
        case .data:
            return try await receiveData(&input)
        case .reset:
            transaction = nil
            try await send(.ok)
        case .noop:
            try await send(.ok)
        case .quit:
            try await send(InboundSMTPReply(221, "2.0.0 \(configuration.serverName) closing connection"))
            return false
        case .verify:
            try await send(.cannotVerify)
        case .startTLS:
            return try await startTLS()
        case .declined(let verb):
            try await send(InboundSMTPReply(502, "5.5.1 \(verb) not offered here"))
        case .unrecognized:
            try await send(.unrecognized)
        case .invalid(let reply):
            try await send(reply)
        }
        return true
    }

    private mutating func greet(_ domain: String) {
        helo = domain
        transaction = nil
    }

    private func ehloReply(_ domain: String) -> InboundSMTPReply {
        var lines = [
            "\(configuration.serverName) greets \(domain)", "PIPELINING", "SIZE \(configuration.maximumMessageSize)",
            "8BITMIME", "ENHANCEDSTATUSCODES",
        ]
        if context.sslContext != nil, !isEncrypted { lines.append("STARTTLS") }
        return InboundSMTPReply(250, lines: lines)
    }

    private mutating func startTransaction(from: String, declaredSize: Int?) async throws {
        guard helo != nil, transaction == nil else { return try await send(.badSequence) }
        if let declaredSize, declaredSize > configuration.maximumMessageSize {
            return try await send(.messageTooLarge)
        }
        transaction = Transaction(mailFrom: from)
        try await send(InboundSMTPReply(250, "2.1.0 Sender OK"))
    }

    private mutating func addRecipient(_ address: String) async throws {
        guard var current = transaction else { return try await send(.badSequence) }
        guard current.recipients.count < configuration.maximumRecipients else {
            return try await send(.tooManyRecipients)
        }
        pauseIdleTimeout()
        guard await context.acceptsRecipient(address) else {
            return try await send(InboundSMTPReply(550, "5.1.1 <\(address)>: Recipient address rejected"))
        }
        current.recipients.append(address)
        transaction = current
        try await send(InboundSMTPReply(250, "2.1.5 Recipient OK"))
    }

    /// STARTTLS (RFC 3207): `220`, then TLS under everything else, and the session starts anew.
    /// Input not yet read when the command arrived came in plaintext and could have been injected
    /// to be read as if it came over TLS, so the session ends instead.
    private mutating func startTLS() async throws -> Bool {
        guard let sslContext = context.sslContext, !isEncrypted else {
            try await send(.tlsNotAvailable)
            return true
        }
        let channel = channel
        let (bytesTaken, hasUnreadLines) = (bytesTaken, reader.hasBufferedInput)
        let started = try await channel.eventLoop.submit {
            let connectionGuard = try channel.pipeline.syncOperations.handler(type: InboundSMTPConnectionGuard.self)
            guard !hasUnreadLines, connectionGuard.bytesReceived == bytesTaken else { return false }
            // Written before the TLS handler is in place, so it goes out in plaintext, and no
            // byte of the client's handshake can be read before the handler is there.
            channel.writeAndFlush(InboundSMTPReply.readyForTLS.buffer, promise: nil)
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext), position: .first)
            return true
        }.get()
        guard started else {
            try await send(.pipelinedAfterStartTLS)
            return false
        }
        isEncrypted = true
        helo = nil
        transaction = nil
        return true
    }

    /// The next line, reading more input when needed; `nil` at the end of the input.
    mutating func nextLine(_ input: inout Input, maximumLength: Int) async throws -> InboundSMTPLineReader.Line? {
        while true {
            if let line = reader.nextLine(maximumLength: maximumLength) { return line }
            guard let chunk = try await input.next() else { return nil }
            bytesTaken += chunk.readableBytes
            reader.append(chunk)
        }
    }

    func send(_ reply: InboundSMTPReply) async throws {
        try await channel.writeAndFlush(reply.buffer)
    }

    /// Stops the idle timer while the client waits for us; the next reply starts it again.
    func pauseIdleTimeout() {
        channel.triggerUserOutboundEvent(InboundSMTPConnectionGuard.Event.pause, promise: nil)
    }
}
