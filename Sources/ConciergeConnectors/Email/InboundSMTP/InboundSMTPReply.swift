import NIOCore

/// One reply of the server: a code and one or more lines, with enhanced status codes
/// (RFC 3463) at the start of the text where they apply.
struct InboundSMTPReply: Equatable, Sendable {
    var code: Int
    var lines: [String]

    init(_ code: Int, _ lines: String...) {
        self.code = code
        self.lines = lines
    }

    init(_ code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// `250-first\r\n250 last\r\n`: every line but the last continues the reply (RFC 5321 §4.2.1).
    var buffer: ByteBuffer {
        var text = ""
        for (index, line) in lines.enumerated() {
            text += "\(code)\(index == lines.count - 1 ? " " : "-")\(line)\r\n"
        }
        return ByteBuffer(string: text)
    }

    static let ok = InboundSMTPReply(250, "2.0.0 OK")
    static let badSequence = InboundSMTPReply(503, "5.5.1 Bad sequence of commands")
    static let lineTooLong = InboundSMTPReply(500, "5.5.2 Line too long")
    static let unrecognized = InboundSMTPReply(500, "5.5.2 Command unrecognized")
    static let cannotVerify = InboundSMTPReply(252, "2.5.0 Cannot VRFY user, but will accept message for delivery")
    static let startData = InboundSMTPReply(354, "End data with <CR><LF>.<CR><LF>")
    static let tooManyRecipients = InboundSMTPReply(452, "4.5.3 Too many recipients")
    static let messageTooLarge = InboundSMTPReply(552, "5.3.4 Message too big for system")
    static let notStored = InboundSMTPReply(451, "4.3.0 Message not stored, try again later")
    static let tlsNotAvailable = InboundSMTPReply(454, "4.7.0 TLS not available")
    static let readyForTLS = InboundSMTPReply(220, "2.0.0 Ready to start TLS")
    static let pipelinedAfterStartTLS = InboundSMTPReply(554, "5.5.1 Commands pipelined after STARTTLS")
}
