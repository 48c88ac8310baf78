import ConciergeCore
import ConciergeTenantConfig
import Foundation

/// A throwaway tenant folder in the temporary directory, holding the given files. The folder
/// is named `acme`, like the slug of the fixtures (the reader requires them to match).
struct TenantFolderFixture {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("concierge-tenant-\(UUID().uuidString)", isDirectory: true)
            .appendingPathComponent("acme", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
    }

    /// The path that errors name for `file` in this folder.
    func path(_ file: String) -> String { "\(url.path)/\(file)" }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    func remove() { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
}

/// Reads a folder made of `files`, removing it afterwards.
func readTenantFolder(_ files: [String: String]) throws -> TenantBlueprint {
    let fixture = try TenantFolderFixture(files)
    defer { fixture.remove() }
    return try TenantFolder.read(fixture.url)
}

/// The repository root: this file is `<root>/Tests/ConciergeTenantConfigTests/TenantFolderFixture.swift`.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
