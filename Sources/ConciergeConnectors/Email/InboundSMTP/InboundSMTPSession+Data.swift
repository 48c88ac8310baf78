import Logging
import NIOCore

extension InboundSMTPSession {
    private static let period = UInt8(ascii: ".")
    private static let terminator: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: "\r"), UInt8(ascii: "\n")]

    /// DATA: `354`, the message up to `CRLF.CRLF` with leading dots removed (RFC 5321 §4.5.2),
    /// then the handler, and `250` only once it has returned.
    ///
    /// Only a `.` line after a CRLF ends the message: `LF.CRLF` and `.LF` are data, so that a
    /// message cannot smuggle a second one past servers that read them differently. A message
    /// over the size limit is read to its end and refused with `552`, keeping the conversation
    /// in step. - Returns: `false` when the input ended in the middle of the message.
    mutating func receiveData(_ input: inout Input) async throws -> Bool {
        guard let transaction, !transaction.recipients.isEmpty else {
            let noRecipients = InboundSMTPReply(554, "5.5.1 No valid recipients")
            try await send(self.transaction == nil ? .badSequence : noRecipients)
            return true
        }
        try await send(.startData)
        var message: [UInt8] = []
        var isTooLarge = false
        var previousLineEndedWithCRLF = true
        let maximumSize = configuration.maximumMessageSize
        while true {
            guard let line = try await nextLine(&input, maximumLength: maximumSize + Self.terminator.count) else {
                return false
            }
            guard case .complete(let bytes) = line else {
                isTooLarge = true
                previousLineEndedWithCRLF = true
                continue
            }
            if previousLineEndedWithCRLF, bytes == Self.terminator { break }
            previousLineEndedWithCRLF = bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "\r")
            let content = bytes.first == Self.period ? bytes.dropFirst() : bytes[...]
            isTooLarge = isTooLarge || message.count + content.count > maximumSize
            if !isTooLarge { message.append(contentsOf: content) }
        }
        self.transaction = nil
        guard !isTooLarge else {
            try await send(.messageTooLarge)
            return true
        }
        try await deliver(message, transaction: transaction)
        return true
    }

    /// Hands the message to the handler and acknowledges it only when the handler returned.
    private func deliver(_ message: [UInt8], transaction: Transaction) async throws {
        let envelope = InboundSMTPEnvelope(
            mailFrom: transaction.mailFrom, recipients: transaction.recipients,
            remoteAddress: channel.remoteAddress?.ipAddress, helo: helo ?? "", wasEncrypted: isEncrypted)
        pauseIdleTimeout()
        do {
            try await context.receiveMessage(envelope, message)
        } catch {
            context.logger.warning(
                "inbound smtp message not stored; the sender will retry",
                metadata: ["smtp.error": "\(error)", "smtp.size": "\(message.count)"])
            return try await send(.notStored)
        }
        context.logger.debug(
            "inbound smtp message stored",
            metadata: ["smtp.size": "\(message.count)", "smtp.recipients": "\(transaction.recipients.count)"])
        try await send(InboundSMTPReply(250, "2.0.0 OK: message stored"))
    }
}
