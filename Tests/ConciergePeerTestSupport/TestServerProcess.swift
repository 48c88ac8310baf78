import Foundation
import NIOCore
import NIOPosix

/// Runs a test server script (Python, next to its tests) as a child process for the length of
/// one test: the pattern of `SMTPTestServer`, shared so that new servers need not copy it.
///
/// The script must listen on 127.0.0.1, write its port to `DIR/port` (atomically, by rename)
/// when it accepts connections, and exit when its standard input closes, so it cannot outlive
/// a crashed test run.
public enum TestServerProcess {
    /// Starts `python script arguments…`, waits for `directory/port`, runs `body` with the port
    /// and stops the process afterwards, also when `body` throws. Output goes to
    /// `directory/server.log`, quoted in the error when the server does not start.
    public static func run<Result>(
        python: String, script: String, arguments: [String], directory: URL,
        _ body: (_ port: Int) async throws -> Result
    ) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + arguments
        let lifeline = Pipe()
        process.standardInput = lifeline
        let log = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        // The server has its own copy now.
        try? logHandle.close()
        defer {
            process.terminate()
            try? lifeline.fileHandleForWriting.close()
        }
        let port = try await waitForPort(in: directory, process: process, log: log, script: script)
        return try await body(port)
    }

    /// A port on 127.0.0.1 where nothing listens: bound, then closed again.
    public static func unusedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port
        try await channel.close()
        guard let port else { throw TestServerProcessError("cannot bind a socket on 127.0.0.1") }
        return port
    }

    /// The first executable of this name on PATH.
    public static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs a tool to completion, failing when it exits non-zero.
    public static func runTool(_ path: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestServerProcessError("\(path) \(arguments.joined(separator: " ")) failed")
        }
    }

    /// A fresh directory under the temporary directory for one server.
    public static func makeDirectory(prefix: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private static func waitForPort(in directory: URL, process: Process, log: URL, script: String) async throws -> Int {
        let portFile = directory.appendingPathComponent("port")
        // Generous: on a loaded 2-core machine dozens of stubs start at once under parallel tests.
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) { return port }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw TestServerProcessError("\(URL(fileURLWithPath: script).lastPathComponent) did not start:\n\(output)")
    }
}

/// Why a test server could not be used, in words that say what to install or look at.
public struct TestServerProcessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
