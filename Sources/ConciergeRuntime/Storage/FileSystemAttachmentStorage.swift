import ConciergeCore
import Foundation
import NIOPosix

/// Attachment bytes as files below a root directory (`<root>/<tenant>/<attachment id>`).
/// Writes go to a temporary name first and are renamed into place, so a crash never leaves a
/// half-written file under a real key. File I/O runs on NIO's blocking thread pool.
public struct FileSystemAttachmentStorage: AttachmentStorage {
    let root: URL
    let threads: NIOThreadPool

    public init(root: URL, threads: NIOThreadPool = .singleton) {
        self.root = root
        self.threads = threads
    }

    public func put(_ bytes: [UInt8], key: String) async throws {
        let target = try url(for: key)
        try await threads.runIfActive {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).part")
            try Data(bytes).write(to: temporary, options: [.atomic])
            try FileManager.default.moveItem(at: temporary, to: target)
        }
    }

    public func get(key: String) async throws -> [UInt8] {
        let source = try url(for: key)
        return try await threads.runIfActive { [UInt8](try Data(contentsOf: source)) }
    }

    public func delete(key: String) async throws {
        let target = try url(for: key)
        try await threads.runIfActive {
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        }
    }

    /// Keys are generated (`<uuid>/<uuid>`); anything else is refused rather than resolved.
    func url(for key: String) throws -> URL {
        let parts = key.split(separator: "/")
        guard parts.count == 2, parts.allSatisfy({ UUID(uuidString: String($0)) != nil }) else {
            throw AppError(.invalidInput, code: "invalid_storage_key", message: "not an attachment storage key")
        }
        return root.appendingPathComponent(String(parts[0])).appendingPathComponent(String(parts[1]))
    }
}
