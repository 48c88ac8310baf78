/// Reads mailboxes from `From`, `To`, `Cc` and `Reply-To` (RFC 5322 §3.4): display names quoted
/// or not, encoded-words in them (also inside quotes, which many clients do), comments, groups
/// such as `undisclosed-recipients:;`, and bare addresses with the name in a comment.
enum InboundAddressListParser {
    /// The mailboxes in `value`, in order; entries without an address are skipped.
    static func addresses(in value: String) -> [EmailAddress] {
        mailboxChunks(of: value).compactMap(mailbox)
    }

    /// `value` split at commas and semicolons outside quotes, comments and angle brackets, with
    /// group names (`Team: a@x, b@y;`) dropped.
    private static func mailboxChunks(of value: String) -> [String] {
        var chunks: [String] = []
        var current = ""
        var isQuoted = false
        var isEscaped = false
        var commentDepth = 0
        var isInAngle = false
        for character in value {
            let isStructural = !isQuoted && commentDepth == 0 && !isInAngle && !isEscaped
            if isStructural, character == "," || character == ";" {
                chunks.append(current)
                current = ""
                continue
            }
            if isStructural, character == ":" {
                current = ""
                continue
            }
            current.append(character)
            if isEscaped {
                isEscaped = false
            } else if character == "\\" && (isQuoted || commentDepth > 0) {
                isEscaped = true
            } else if character == "\"" && commentDepth == 0 && !isInAngle {
                isQuoted.toggle()
            } else if !isQuoted {
                switch character {
                case "(": commentDepth += 1
                case ")": commentDepth = max(0, commentDepth - 1)
                case "<" where commentDepth == 0: isInAngle = true
                case ">" where commentDepth == 0: isInAngle = false
                default: break
                }
            }
        }
        chunks.append(current)
        return chunks
    }

    /// One mailbox: `Name <address>`, `"Name" <address>` or `address (Name)`.
    private static func mailbox(_ chunk: String) -> EmailAddress? {
        var phrase = ""
        var comment = ""
        var angle: String?
        var isInAngle = false
        var isQuoted = false
        var isEscaped = false
        var commentDepth = 0
        for character in chunk {
            if isEscaped {
                isEscaped = false
                if commentDepth > 0 { comment.append(character) } else { phrase.append(character) }
            } else if isQuoted {
                switch character {
                case "\\": isEscaped = true
                case "\"": isQuoted = false
                default: phrase.append(character)
                }
            } else if commentDepth > 0 {
                switch character {
                case "\\":
                    isEscaped = true
                case "(":
                    commentDepth += 1
                    comment.append(character)
                case ")":
                    commentDepth -= 1
                    if commentDepth > 0 { comment.append(character) }
                default:
                    comment.append(character)
                }
            } else if isInAngle {
                if character == ">" { isInAngle = false } else { angle?.append(character) }
            } else {
                switch character {
                case "(":
                    commentDepth = 1
                    if !comment.isEmpty { comment.append(" ") }
                case "\"": isQuoted = true
                case "<":
                    isInAngle = true
                    angle = ""
                default: phrase.append(character)
                }
            }
        }
        if let angle {
            // A source route (`<@relay:user@example.com>`) precedes the address proper.
            let address = String(angle.split(separator: ":").last ?? "").filter { !$0.isWhitespace }
            guard !address.isEmpty else { return nil }
            return EmailAddress(address, displayName: displayName(phrase) ?? displayName(comment))
        }
        let address = phrase.filter { !$0.isWhitespace }
        guard !address.isEmpty else { return nil }
        return EmailAddress(address, displayName: displayName(comment))
    }

    /// Encoded-words decoded, runs of whitespace collapsed; nil when nothing is left.
    private static func displayName(_ text: String) -> String? {
        let decoded = InboundEncodedWordDecoder.decode(text)
        let name = decoded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return name.isEmpty ? nil : name
    }
}
