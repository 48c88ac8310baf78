import Foundation
import Testing

/// Decodes QR code images with the `zbarimg` command-line tool (Debian package zbar-tools).
enum ZBarReader {
    static let searchPaths = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg", "/opt/homebrew/bin/zbarimg"]
    static let missingMessage: Comment = """
        zbarimg not found (looked in /usr/bin, /usr/local/bin, /opt/homebrew/bin): install the zbar-tools package \
        (apt-get install zbar-tools; brew install zbar) to run the end-to-end decoding tests
        """

    static var executablePath: String? {
        searchPaths.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Writes `png` to a temporary file and returns the raw bytes `zbarimg --quiet --raw` prints for it,
    /// without the newline zbarimg appends after each symbol.
    static func decode(png: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        let zbarimg = try #require(executablePath, missingMessage, sourceLocation: sourceLocation)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).png")
        try Data(png).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try run(zbarimg, arguments: ["--quiet", "--raw", file.path], sourceLocation: sourceLocation)
    }

    /// Runs `executable` and returns its standard output with one trailing newline removed, recording an issue
    /// if it exits with a non-zero status (zbarimg exits with 4 when it finds no symbol).
    static func run(
        _ executable: String,
        arguments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(
            process.terminationStatus == 0, "\(executable) exited with status \(process.terminationStatus)",
            sourceLocation: sourceLocation)
        var bytes = [UInt8](data)
        if bytes.last == UInt8(ascii: "\n") {
            bytes.removeLast()
        }
        return bytes
    }
}
