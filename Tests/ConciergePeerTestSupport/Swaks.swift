import Foundation

/// Runs `swaks` (the Swiss Army Knife for SMTP, Debian's `swaks`) as a real sending client.
public enum Swaks {
    /// What one run did: its exit status and the whole transcript.
    public struct Run: Sendable {
        public let status: Int32
        public let transcript: String

        /// The reply codes the server sent, in order, from the transcript's `<-` and `<~` lines.
        public var replyCodes: [Int] {
            transcript.split(separator: "\n").compactMap { line in
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix("<-") || trimmed.hasPrefix("<~") || trimmed.hasPrefix("<**") else {
                    return nil
                }
                let rest = trimmed.drop { $0 == "<" || $0 == "-" || $0 == "~" || $0 == "*" || $0 == " " }
                return Int(rest.prefix(3))
            }
        }
    }

    public static let path = "/usr/bin/swaks"
    public static let isInstalled = FileManager.default.isExecutableFile(atPath: path)
    /// Whether swaks can speak TLS: it needs Perl's Net::SSLeay (Debian: `libnet-ssleay-perl`,
    /// only recommended by the swaks package).
    public static let supportsTLS =
        isInstalled && (try? TestServerProcess.runTool("/usr/bin/perl", ["-MNet::SSLeay", "-e", "1"])) != nil

    /// Sends with `swaks --server 127.0.0.1:port` and `arguments`; waits for it without blocking a
    /// thread, since the server under test needs the cooperative pool to answer.
    public static func send(port: Int, _ arguments: [String]) async throws -> Run {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("swaks-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--server", "127.0.0.1:\(port)", "--timeout", "15"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        let status = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try? handle.close()
        return Run(status: status, transcript: (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }
}
