/// Reads the identifiers in `Message-ID`, `In-Reply-To`, `References` and `Content-ID`.
enum InboundMessageIDParser {
    /// The identifiers without angle brackets, in order. Values without any `<…>` are split at
    /// whitespace instead, as some senders write bare identifiers; comments are skipped.
    static func identifiers(in value: String) -> [String] {
        var bracketed: [String] = []
        var outsideComments = ""
        var current: String?
        var commentDepth = 0
        for character in value {
            switch character {
            case "(" where current == nil:
                commentDepth += 1
            case ")" where current == nil && commentDepth > 0:
                commentDepth -= 1
            case "<" where commentDepth == 0:
                current = ""
            case ">" where commentDepth == 0:
                if let identifier = current?.filter({ !$0.isWhitespace }), !identifier.isEmpty {
                    bracketed.append(identifier)
                }
                current = nil
            default:
                guard commentDepth == 0 else { continue }
                current?.append(character)
                outsideComments.append(character)
            }
        }
        guard bracketed.isEmpty, !value.contains("<") else { return bracketed }
        return outsideComments.split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
