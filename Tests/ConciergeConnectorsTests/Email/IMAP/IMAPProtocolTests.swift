import NIOCore
import Testing

@testable import ConciergeConnectors

@Suite("IMAP protocol pieces")
struct IMAPProtocolTests {
    @Test("a FETCH literal is taken by count, across reads, with CRLF and any byte inside")
    func literalAcrossReads() throws {
        // given
        let body: [UInt8] = Array("a\r\n)\r\nC9 OK x\r\n".utf8) + [0x00, 0xFF, 0x0A]
        let wire =
            Array("* 3 FETCH (UID 17 RFC822.SIZE \(body.count) BODY[] {\(body.count)}\r\n".utf8) + body
            + Array(")\r\nC9 OK done\r\n".utf8)
        var framer = IMAPResponseFramer(maximumLiteralSize: 1000)

        // when
        var responses: [IMAPResponse] = []
        for byte in wire {
            for pieces in try framer.consume(ByteBuffer(bytes: [byte])) {
                responses.append(try IMAPResponseParser.parse(pieces))
            }
        }

        // then
        #expect(responses.count == 2)
        guard case .untagged(.fetch(let fetch)) = responses.first else {
            Issue.record("expected a FETCH, got \(responses)")
            return
        }
        #expect(fetch.sequenceNumber == 3 && fetch.uid == 17 && fetch.size == body.count)
        #expect(fetch.body == body)
        guard case .tagged(let tag, let status) = responses.last else {
            Issue.record("expected a tagged response, got \(responses)")
            return
        }
        #expect(tag == "C9" && status.status == .ok && status.text == "done")
        #expect(!framer.hasBufferedInput)
    }

    @Test("status responses keep their code; SEARCH, EXISTS and continuations parse")
    func statusAndDataResponses() throws {
        // given
        let lines = [
            "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n", "* 23 EXISTS\r\n", "* SEARCH 2 84 882\r\n",
            "* SEARCH\r\n", "+ Ready\r\n", "C1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n",
            "* CAPABILITY IMAP4rev1 LITERAL+ STARTTLS\r\n", "* FLAGS (\\Seen \\Draft)\r\n",
        ]
        var framer = IMAPResponseFramer(maximumLiteralSize: 1000)

        // when
        let responses = try framer.consume(ByteBuffer(string: lines.joined())).map(IMAPResponseParser.parse)

        // then
        #expect(
            responses.map(summary) == [
                "* OK [UIDVALIDITY 3857529045] UIDs valid", "* 23 EXISTS", "* SEARCH [2, 84, 882]", "* SEARCH []",
                "+ Ready", "C1 NO [AUTHENTICATIONFAILED] Authentication failed.",
                "* CAPABILITY [\"IMAP4rev1\", \"LITERAL+\", \"STARTTLS\"]", "* other FLAGS (\\Seen \\Draft)",
            ])
        guard case .untagged(.status(let validity)) = responses.first else { return }
        #expect(validity.codeNumber("UIDVALIDITY") == 3_857_529_045)
    }

    @Test("a literal above the message size limit fails before it is buffered")
    func oversizedLiteralIsRefused() {
        var framer = IMAPResponseFramer(maximumLiteralSize: 100)
        let error = #expect(throws: IMAPError.self) {
            _ = try framer.consume(ByteBuffer(string: "* 1 FETCH (UID 5 BODY[] {101}\r\n"))
        }
        #expect(error?.kind == .messageTooLarge)
    }

    @Test(
        "malformed responses are protocol violations",
        arguments: ["HTTP/1.1 400 Bad Request\r\n", "* SEARCH 1 x\r\n", "* 1 FETCH (UID 1 BODY[] \"open\r\n", "\r\n"])
    func malformedResponses(line: String) throws {
        var framer = IMAPResponseFramer(maximumLiteralSize: 100)
        let pieces = try framer.consume(ByteBuffer(string: line))
        #expect(throws: IMAPError.self) { _ = try pieces.map(IMAPResponseParser.parse) }
    }

    @Test("LOGIN quotes and escapes ASCII, and sends anything else as literals")
    func loginArgumentEncoding() {
        // given
        var synchronizing = IMAPCommand(tag: "C2", "LOGIN")
        synchronizing.append(string: "a\"b\\c")
        synchronizing.append(string: "密码", isSecret: true)
        var nonSynchronizing = IMAPCommand(tag: "C2", "LOGIN", usesNonSynchronizingLiterals: true)
        nonSynchronizing.append(string: "agent")
        nonSynchronizing.append(string: "pw\r\n", isSecret: true)

        // then
        let expectedFirstPart = Array("C2 LOGIN \"a\\\"b\\\\c\" {6}\r\n".utf8)
        #expect(synchronizing.terminated.parts == [expectedFirstPart, Array("密码\r\n".utf8)])
        #expect(synchronizing.loggedAs == "LOGIN a\"b\\c ***")
        #expect(nonSynchronizing.terminated.parts == [Array("C2 LOGIN \"agent\" {4+}\r\npw\r\n\r\n".utf8)])
    }

    @Test(arguments: [([1, 2, 3, 5, 8, 9], "1:3,5,8:9"), ([7], "7"), ([9, 1, 9, 2], "1:2,9")])
    func uidSets(uids: [UInt32], expected: String) {
        #expect(IMAPUIDSet.format(uids) == expected)
    }

    @Test(arguments: [
        ("INBOX", "INBOX"), ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"), ("A&B", "A&-B"),
        ("客服", "&W6JnDQ-"),
    ])
    func mailboxNamesInModifiedUTF7(name: String, expected: String) {
        #expect(IMAPMailboxName.encode(name) == expected)
    }

    /// One line per response, for comparing many at once.
    private func summary(_ response: IMAPResponse) -> String {
        switch response {
        case .continuation(let text): "+ \(text)"
        case .tagged(let tag, let status): "\(tag) \(status)"
        case .untagged(.status(let status)): "* \(status)"
        case .untagged(.exists(let count)): "* \(count) EXISTS"
        case .untagged(.search(let uids)): "* SEARCH \(uids)"
        case .untagged(.capability(let names)): "* CAPABILITY \(names)"
        case .untagged(.fetch(let fetch)): "* FETCH \(fetch.uid.map(String.init) ?? "-")"
        case .untagged(.other(let text)): "* other \(text)"
        }
    }
}
