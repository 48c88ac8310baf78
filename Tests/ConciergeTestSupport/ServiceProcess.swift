import Foundation

/// One of the built executables (`concierge-worker`, …) running as a child process, so tests
/// can kill it like an orchestrator or a crash would.
public final class ServiceProcess: @unchecked Sendable {
    // Only touched from the test that owns it.
    private let process = Process()
    public let name: String
    public let logFile: URL

    /// Starts `executable` with exactly `environment` (plus PATH and HOME).
    public init(_ executable: String, arguments: [String] = [], environment: [String: String]) throws {
        name = executable
        process.executableURL = try Self.binary(executable)
        process.arguments = arguments
        var env = environment
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        env["HOME"] = ProcessInfo.processInfo.environment["HOME"] ?? "/tmp"
        process.environment = env
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(executable)-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logFile)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    public var isRunning: Bool { process.isRunning }

    /// SIGKILL: no graceful shutdown, no chance to release anything.
    public func kill() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM and wait.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// The child's combined output so far (for failure messages).
    public func output() -> String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// The directory holding the built executables: next to the test bundle, or
    /// `.build/debug` under the package root; `CONCIERGE_BIN_DIR` overrides.
    static func binary(_ name: String) throws -> URL {
        var candidates: [URL] = []
        if let dir = ProcessInfo.processInfo.environment["CONCIERGE_BIN_DIR"] {
            candidates.append(URL(fileURLWithPath: dir))
        }
        var bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(bundle)
        while bundle.path != "/" && bundle.lastPathComponent.hasSuffix(".xctest") == false && candidates.count < 6 {
            bundle = bundle.deletingLastPathComponent()
            candidates.append(bundle)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug"))
        for dir in candidates {
            let url = dir.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
    }
}

/// Polls `condition` every 100 ms until it holds or `timeout` passes.
/// - Returns: whether it held.
public func eventually(within timeout: Duration, _ condition: @Sendable () async throws -> Bool) async rethrows -> Bool
{
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(100))
    }
    return try await condition()
}
