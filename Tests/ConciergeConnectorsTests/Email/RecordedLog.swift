import Foundation
import Logging

/// Every log event a logger produced, as text, so a test can prove what never gets logged.
final class RecordedLog: @unchecked Sendable {
    // NSLock rather than Synchronization.Mutex: the package still supports macOS 14.
    private let lock = NSLock()
    private var lines: [String] = []

    /// A logger at trace level, the most talkative, writing here.
    var logger: Logger {
        var logger = Logger(label: "concierge.smtp.tests") { _ in RecordingLogHandler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    /// Everything logged so far, one event per line with its metadata.
    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    fileprivate func append(_ line: String) { lock.withLock { lines.append(line) } }
}

private struct RecordingLogHandler: LogHandler {
    let log: RecordedLog
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let metadata = self.metadata.merging(event.metadata ?? [:]) { $1 }
        log.append("\(event.level) \(event.message) \(metadata)")
    }
}
