import NIOCore
import NIOPosix

/// A bare TCP client for the conversations swaks cannot have: pipelined writes, over-long lines,
/// silence, smuggling attempts. Sends exactly the bytes given and reads replies as they come.
final class RawSMTPTestClient {
    /// One reply: its code and lines.
    struct Reply: Equatable, CustomStringConvertible {
        let code: Int
        let lines: [String]
        var description: String { "\(code) \(lines.joined(separator: " / "))" }
    }

    private var input: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let output: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var buffer: [UInt8] = []

    private init(
        input: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, output: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.input = input
        self.output = output
    }

    /// Connects to 127.0.0.1:`port`, runs `body` and closes the connection.
    static func connect(port: Int, _ body: (RawSMTPTestClient) async throws -> Void) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            try await body(RawSMTPTestClient(input: inbound.makeAsyncIterator(), output: outbound))
        }
    }

    /// Sends `text` as it is; the caller writes the line ends.
    func send(_ text: String) async throws {
        try await output.write(ByteBuffer(string: text))
    }

    /// The next complete reply; `nil` when the server closed the connection first.
    func readReply() async throws -> Reply? {
        var lines: [String] = []
        while true {
            if let crlf = firstLineEnd() {
                let line = String(decoding: buffer[..<crlf], as: UTF8.self)
                buffer.removeFirst(crlf + 2)
                lines.append(String(line.dropFirst(4)))
                if line.dropFirst(3).first != "-" { return Reply(code: Int(line.prefix(3)) ?? 0, lines: lines) }
                continue
            }
            guard let chunk = try await input.next() else { return nil }
            buffer.append(contentsOf: chunk.readableBytesView)
        }
    }

    /// The codes of the next `count` replies; a closed connection ends the list early.
    func readCodes(_ count: Int) async throws -> [Int] {
        var codes: [Int] = []
        for _ in 0..<count {
            guard let reply = try await readReply() else { break }
            codes.append(reply.code)
        }
        return codes
    }

    private func firstLineEnd() -> Int? {
        guard buffer.count >= 2 else { return nil }
        return (0..<(buffer.count - 1)).first { buffer[$0] == 13 && buffer[$0 + 1] == 10 }
    }
}
