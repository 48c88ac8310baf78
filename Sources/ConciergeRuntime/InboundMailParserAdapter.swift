import ConciergeConnectors
import ConciergeCore
import Foundation

/// The intake's ``InboundMailParser`` over ConciergeConnectors' MIME parser: charsets, HTML to
/// text, the reply above the quote, the `[#1234]` tag and the auto-reply guard come from there.
struct InboundMailParserAdapter: InboundMailParser {
    var limits: InboundEmailLimits = .standard

    func parse(_ raw: [UInt8]) throws -> InboundMail {
        let email = try InboundEmail.parse(raw, limits: limits)
        return InboundMail(
            messageID: email.messageID, inReplyTo: email.inReplyTo, references: email.references,
            fromAddress: email.from?.address, fromName: email.from?.displayName, subject: email.strippedSubject,
            ticketNumber: email.ticketNumberInSubject.map(Int64.init), text: email.textBody,
            replyText: email.replyText,
            attachments: email.attachments.enumerated().map { index, attachment in
                InboundMailAttachment(
                    filename: attachment.filename ?? "attachment-\(index + 1)", contentType: attachment.contentType,
                    bytes: attachment.bytes)
            }, automatic: email.automation?.description)
    }
}
