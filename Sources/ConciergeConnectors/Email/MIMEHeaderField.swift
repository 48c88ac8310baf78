import Foundation

/// One header field being written: its name and tokens, folded so that no line is longer than
/// 76 characters, with non-ASCII text as RFC 2047 encoded-words.
///
/// Folding only ever replaces a space between two tokens with CRLF + space, so unfolding gives
/// back exactly the text that was written (RFC 5322 §2.2.3). Encoded-words are sized to fit the
/// line they start on, are at most 75 characters (RFC 2047 §2) and never split a UTF-8 sequence.
struct MIMEHeaderField {
    /// RFC 2047 §2 limits lines holding encoded-words to 76 characters; all lines keep to it.
    static let lineLimit = 76
    static let encodedWordLimit = 75
    /// `=?UTF-8?B?` plus `?=`.
    private static let encodedWordOverhead = 12

    let name: String
    private(set) var lines: [String]

    init(name: String) {
        self.name = name
        self.lines = [name + ":"]
    }

    /// The field with CRLF after every line.
    var rendered: String { lines.map { $0 + "\r\n" }.joined() }

    private var roomOnCurrentLine: Int { Self.lineLimit - lines[lines.count - 1].count - 1 }

    /// Appends `token` after a space, or on a new line when it does not fit. Empty tokens keep
    /// runs of spaces and never start a line, which would leave a line of only whitespace.
    mutating func append(_ token: String) {
        let lastLine = lines.count - 1
        if token.count <= roomOnCurrentLine || token.isEmpty || lines[lastLine] == name + ":" {
            lines[lastLine] += " " + token
        } else {
            lines.append(" " + token)
        }
    }

    /// Appends `text` as unstructured text (Subject, extra headers): as it is when it is short
    /// printable ASCII, as encoded-words otherwise.
    mutating func appendText(_ text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        if Self.isPlainASCII(text), words.allSatisfy({ $0.count < Self.lineLimit - name.count - 2 }) {
            for word in words { append(String(word)) }
        } else {
            appendEncodedWords(text)
        }
    }

    /// Appends a display name: bare when it is only letters, digits and spaces, quoted when it
    /// holds other ASCII punctuation, as encoded-words when it holds anything else.
    mutating func appendPhrase(_ phrase: String) {
        let atomCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/?^_`{|}~ ")
        if Self.isPlainASCII(phrase), phrase.count < Self.lineLimit - 10 {
            if phrase.allSatisfy({ atomCharacters.contains($0) }), !phrase.hasPrefix(" "), !phrase.hasSuffix(" ") {
                append(phrase)
            } else {
                let escaped = phrase.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "\"", with: "\\\"")
                append("\"\(escaped)\"")
            }
        } else {
            appendEncodedWords(phrase)
        }
    }

    /// Appends `text` as base64 encoded-words. Each word starts on the current line when at least
    /// a few characters fit there, so the field does not begin with an almost empty line.
    mutating func appendEncodedWords(_ text: String) {
        var chunk: [UInt8] = []
        var limit = currentEncodedWordLimit()
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if !chunk.isEmpty, Self.encodedLength(ofBytes: chunk.count + bytes.count) > limit {
                append(Self.encodedWord(chunk))
                chunk = []
                limit = currentEncodedWordLimit()
            }
            chunk += bytes
        }
        if !chunk.isEmpty || text.isEmpty { append(Self.encodedWord(chunk)) }
    }

    private func currentEncodedWordLimit() -> Int {
        // 20 characters hold one encoded four-byte scalar; less is not worth starting a word for.
        let room = roomOnCurrentLine
        return room >= 20 ? min(room, Self.encodedWordLimit) : Self.encodedWordLimit
    }

    private static func encodedLength(ofBytes count: Int) -> Int {
        encodedWordOverhead + (count + 2) / 3 * 4
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// Printable ASCII (and tab), with no `=?` that a reader could take for an encoded-word.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { (32..<127).contains($0) || $0 == 9 } && !text.contains("=?")
    }
}
