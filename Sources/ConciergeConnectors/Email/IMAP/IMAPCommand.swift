/// One command line as it goes on the wire, possibly in several parts.
///
/// A string that cannot be quoted (non-ASCII, line breaks) is sent as a literal `{n}` followed
/// by its bytes (RFC 3501 §4.3). Without LITERAL+ the server must first answer `+`, so the
/// command is split after each `{n}\r\n` and the next part waits for that continuation; with
/// LITERAL+ (RFC 7888) `{n+}` is sent and the command is a single part.
struct IMAPCommand: Sendable {
    /// The bytes to send; every part after the first waits for a `+` continuation.
    private(set) var parts: [[UInt8]] = [[]]
    /// The command as logged, without its tag: arguments marked secret are replaced by `***`.
    private(set) var loggedAs = ""
    /// Whether the server announced LITERAL+, so that literals need no continuation.
    let usesNonSynchronizingLiterals: Bool

    /// Starts a command with its tag and name, e.g. `C3 UID FETCH`.
    init(tag: String, _ name: String, usesNonSynchronizingLiterals: Bool = false) {
        self.usesNonSynchronizingLiterals = usesNonSynchronizingLiterals
        parts = [Array("\(tag) \(name)".utf8)]
        loggedAs = name
    }

    /// Appends an argument exactly as given: numbers, sequence sets, parenthesised item lists.
    mutating func append(raw text: String) {
        parts[parts.count - 1].append(contentsOf: Array(" \(text)".utf8))
        loggedAs += " " + text
    }

    /// Appends a string argument (astring), quoted when it is printable ASCII and as a literal
    /// otherwise; a secret one is logged as `***`.
    mutating func append(string: String, isSecret: Bool = false) {
        let bytes = Array(string.utf8)
        if bytes.allSatisfy({ (0x20..<0x7F).contains($0) }) {
            var quoted: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: "\"")]
            for byte in bytes {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { quoted.append(UInt8(ascii: "\\")) }
                quoted.append(byte)
            }
            quoted.append(UInt8(ascii: "\""))
            parts[parts.count - 1].append(contentsOf: quoted)
        } else {
            let marker = usesNonSynchronizingLiterals ? " {\(bytes.count)+}\r\n" : " {\(bytes.count)}\r\n"
            parts[parts.count - 1].append(contentsOf: Array(marker.utf8))
            if usesNonSynchronizingLiterals {
                parts[parts.count - 1].append(contentsOf: bytes)
            } else {
                parts.append(bytes)
            }
        }
        loggedAs += isSecret ? " ***" : " " + string
    }

    /// The command with its final line end, ready to send.
    var terminated: IMAPCommand {
        var command = self
        command.parts[command.parts.count - 1].append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
        return command
    }
}
