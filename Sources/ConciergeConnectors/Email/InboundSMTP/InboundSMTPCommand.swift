/// One command from a sending server (RFC 5321 §4.1), parsed from its line.
enum InboundSMTPCommand: Equatable {
    case ehlo(String)
    case helo(String)
    /// `MAIL FROM:<path> [SIZE=n] [BODY=7BIT|8BITMIME]`; an empty path is the null reverse path.
    case mail(from: String, declaredSize: Int?)
    case recipient(String)
    case data
    case reset
    case noop
    case quit
    case verify
    case startTLS
    /// A command this server deliberately does not offer, by design not a gap: EXPN (it would
    /// disclose lists), HELP, the TURN family (relaying), AUTH (an MX takes mail unauthenticated,
    /// recipients are checked instead) and BDAT (CHUNKING is not announced). RFC 5321 answers 502.
    case declined(String)
    /// A verb nobody knows: 500.
    case unrecognized
    /// A known command with bad arguments, and the reply that says why.
    case invalid(InboundSMTPReply)

    private static let commandsWithoutArguments: [String: InboundSMTPCommand] = [
        "DATA": .data, "RSET": .reset, "QUIT": .quit, "STARTTLS": .startTLS,
    ]
    private static let declinedVerbs: Set<String> = ["EXPN", "HELP", "TURN", "ETRN", "AUTH", "BDAT", "ATRN"]

    /// Parses a command line without its line end.
    init(line: String) {
        let verb = line.prefix { $0 != " " }.uppercased()
        let argument = line.dropFirst(verb.count).drop { $0 == " " }
        switch verb {
        case "EHLO", "HELO":
            let domain = argument.split(separator: " ").first.map(String.init) ?? ""
            guard !domain.isEmpty else {
                self = .invalid(InboundSMTPReply(501, "5.5.4 Syntax: \(verb) hostname"))
                return
            }
            self = verb == "EHLO" ? .ehlo(domain) : .helo(domain)
        case "MAIL":
            self = Self.parseMail(argument)
        case "RCPT":
            self = Self.parseRecipient(argument)
        case "NOOP":
            self = .noop
        case "VRFY":
            self = .verify
        default:
            if let command = Self.commandsWithoutArguments[verb] {
                self = argument.isEmpty ? command : .invalid(InboundSMTPReply(501, "5.5.4 \(verb) takes no arguments"))
            } else {
                self = Self.declinedVerbs.contains(verb) ? .declined(verb) : .unrecognized
            }
        }
    }

    private static func parseMail(_ argument: Substring) -> InboundSMTPCommand {
        guard let (path, parameters) = splitPath(argument, prefix: "FROM:") else {
            return .invalid(InboundSMTPReply(501, "5.5.4 Syntax: MAIL FROM:<address>"))
        }
        guard path.isEmpty || InboundSMTPAddress.isValid(path) else {
            return .invalid(InboundSMTPReply(553, "5.1.7 Bad sender address syntax"))
        }
        var declaredSize: Int?
        for parameter in parameters {
            let (name, value) = (parameter.prefix { $0 != "=" }.uppercased(), parameter.drop { $0 != "=" }.dropFirst())
            switch (name, value.uppercased()) {
            case ("SIZE", _):
                guard let size = Int(value), size >= 0 else {
                    return .invalid(InboundSMTPReply(501, "5.5.4 Bad SIZE parameter"))
                }
                declaredSize = size
            case ("BODY", "7BIT"), ("BODY", "8BITMIME"):
                continue
            default:
                return .invalid(InboundSMTPReply(555, "5.5.4 Unsupported parameter \(name)"))
            }
        }
        return .mail(from: path, declaredSize: declaredSize)
    }

    private static func parseRecipient(_ argument: Substring) -> InboundSMTPCommand {
        guard let (path, parameters) = splitPath(argument, prefix: "TO:") else {
            return .invalid(InboundSMTPReply(501, "5.5.4 Syntax: RCPT TO:<address>"))
        }
        guard parameters.isEmpty else { return .invalid(InboundSMTPReply(555, "5.5.4 Unsupported parameter")) }
        guard InboundSMTPAddress.isValid(path) || path.lowercased() == "postmaster" else {
            return .invalid(InboundSMTPReply(501, "5.1.3 Bad recipient address syntax"))
        }
        return .recipient(path)
    }

    /// Splits `FROM:<path> params…` into the address inside the brackets (source route removed,
    /// RFC 5321 §4.1.2) and the parameters after them.
    private static func splitPath(_ argument: Substring, prefix: String) -> (String, [Substring])? {
        guard argument.uppercased().hasPrefix(prefix) else { return nil }
        let rest = argument.dropFirst(prefix.count).drop { $0 == " " }
        guard rest.first == "<", let close = rest.firstIndex(of: ">") else { return nil }
        var path = rest[rest.index(after: rest.startIndex)..<close]
        if path.first == "@", let colon = path.firstIndex(of: ":") {
            path = path[path.index(after: colon)...]
        }
        let parameters = rest[rest.index(after: close)...].split(separator: " ")
        return (String(path), parameters)
    }
}
