/// Turns the pieces of one response into an ``IMAPResponse`` (RFC 3501 §7, §9).
///
/// Parses what the client relies on exactly (status responses and their codes, `CAPABILITY`,
/// `EXISTS`, `SEARCH`, `FETCH` with `UID`, `RFC822.SIZE` and `BODY[]`) and keeps anything else
/// as text, since servers send unsolicited responses (`FLAGS`, `RECENT`, `EXPUNGE`) at will.
enum IMAPResponseParser {
    private static let space = UInt8(ascii: " ")

    static func parse(_ pieces: [IMAPResponsePiece]) throws(IMAPError) -> IMAPResponse {
        var reader = IMAPTokenReader(pieces)
        if reader.skip(UInt8(ascii: "+")) {
            reader.skip(space)
            return .continuation(reader.readRest())
        }
        if reader.skip(UInt8(ascii: "*")) {
            guard reader.skip(space) else { throw malformed(pieces) }
            return .untagged(try parseUntagged(&reader, pieces: pieces))
        }
        let tag = reader.readAtom()
        guard !tag.isEmpty, reader.skip(space), let status = parseStatus(&reader) else { throw malformed(pieces) }
        return .tagged(tag: tag, status)
    }

    private static func parseUntagged(_ reader: inout IMAPTokenReader, pieces: [IMAPResponsePiece]) throws(IMAPError)
        -> IMAPUntaggedResponse
    {
        var lookahead = reader
        if let number = lookahead.readNumber() {
            guard lookahead.skip(space) else { throw malformed(pieces) }
            switch lookahead.readAtom().uppercased() {
            case "EXISTS":
                return .exists(number)
            case "FETCH":
                lookahead.skip(space)
                return .fetch(try parseFetch(sequenceNumber: number, &lookahead))
            default:
                return .other("\(number) \(lookahead.readRest())")
            }
        }
        if let status = parseStatus(&reader) { return .status(status) }
        let name = reader.readAtom().uppercased()
        reader.skip(space)
        switch name {
        case "CAPABILITY":
            return .capability(words(reader.readRest()))
        case "SEARCH":
            let numbers = words(reader.readRest()).map { UInt32($0) }
            guard numbers.allSatisfy({ $0 != nil }) else { throw malformed(pieces) }
            return .search(numbers.compactMap(\.self))
        default:
            return .other("\(name) \(reader.readRest())")
        }
    }

    /// `OK [CODE args] text`, or `nil` when the next word is not a status.
    private static func parseStatus(_ reader: inout IMAPTokenReader) -> IMAPStatusResponse? {
        var lookahead = reader
        guard let status = IMAPStatus(rawValue: lookahead.readAtom().uppercased()) else { return nil }
        reader = lookahead
        reader.skip(space)
        var text = reader.readRest()
        var code: [String] = []
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            code = words(String(text[text.index(after: text.startIndex)..<close]))
            if let first = code.first { code[0] = first.uppercased() }
            text = String(text[text.index(after: close)...].drop { $0 == " " })
        }
        return IMAPStatusResponse(status: status, code: code, text: text)
    }

    /// The attribute list of `* n FETCH (UID 7 RFC822.SIZE 1234 BODY[] {1234}…)`.
    private static func parseFetch(sequenceNumber: UInt32, _ reader: inout IMAPTokenReader) throws(IMAPError)
        -> IMAPFetchResponse
    {
        guard case .list(let values) = try reader.readValue(), values.count % 2 == 0 else {
            throw IMAPError(kind: .protocolViolation, detail: "FETCH response without an attribute list")
        }
        var fetch = IMAPFetchResponse(sequenceNumber: sequenceNumber)
        for index in stride(from: 0, to: values.count, by: 2) {
            guard case .atom(let name) = values[index] else {
                throw IMAPError(kind: .protocolViolation, detail: "FETCH attribute name is not an atom")
            }
            switch (name.uppercased(), values[index + 1]) {
            case ("UID", .atom(let number)):
                fetch.uid = UInt32(number)
            case ("RFC822.SIZE", .atom(let number)):
                fetch.size = Int(number)
            case ("BODY[]", .string(let bytes)):
                fetch.body = bytes
            default:
                continue
            }
        }
        return fetch
    }

    private static func words(_ text: String) -> [String] {
        text.split(separator: " ").map(String.init)
    }

    private static func malformed(_ pieces: [IMAPResponsePiece]) -> IMAPError {
        guard case .text(let text) = pieces.first else {
            return IMAPError(kind: .protocolViolation, detail: "malformed response")
        }
        let printable = text.prefix(60).map { (32..<127).contains($0) ? $0 : UInt8(ascii: "?") }
        return IMAPError(
            kind: .protocolViolation, detail: "malformed response: \(String(decoding: printable, as: UTF8.self))")
    }
}
