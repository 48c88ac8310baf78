import NIOCore

/// Splits what a client sends into lines, terminator included, without ever holding more than
/// one over-long line's worth of bytes.
///
/// Lines end at LF; the bytes are kept as sent (CRLF or a bare LF), so the DATA phase can
/// reproduce the message exactly and tell a real `CRLF.CRLF` from a smuggled `LF.CRLF`.
struct InboundSMTPLineReader {
    /// A line, or the news that one was too long and has been dropped.
    enum Line: Equatable {
        /// The line's bytes with its terminator.
        case complete([UInt8])
        /// A line longer than allowed; its bytes are skipped up to and including its LF.
        case tooLong
    }

    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for LF continues, so that a long partial line is scanned once.
    private var scanned = 0
    private var isSkippingLongLine = false

    /// Whether bytes after the last returned line are waiting.
    var hasBufferedInput: Bool { start < buffer.count }

    /// Adds bytes read from the connection.
    mutating func append(_ chunk: ByteBuffer) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
        buffer.append(contentsOf: chunk.readableBytesView)
    }

    /// The next line if one is complete; `nil` when more bytes are needed.
    mutating func nextLine(maximumLength: Int) -> Line? {
        while true {
            guard let lineFeed = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) else {
                scanned = buffer.count
                guard !isSkippingLongLine, buffer.count - start > maximumLength else {
                    if isSkippingLongLine { discard(upTo: buffer.count) }
                    return nil
                }
                isSkippingLongLine = true
                discard(upTo: buffer.count)
                return .tooLong
            }
            let end = lineFeed + 1
            defer { discard(upTo: end) }
            if isSkippingLongLine {
                isSkippingLongLine = false
                continue
            }
            return end - start > maximumLength ? .tooLong : .complete(Array(buffer[start..<end]))
        }
    }

    private mutating func discard(upTo end: Int) {
        start = end
        scanned = end
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
            start = 0
            scanned = 0
        }
    }
}
