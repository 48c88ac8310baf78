import ConciergeDomain

/// Macros of the transaction's tenant.
public protocol MacroRepository: Sendable {
    /// All macros, by key.
    func all() async throws -> [Macro]
    func find(id: MacroID) async throws -> Macro?
    func find(key: String) async throws -> Macro?
    /// - Throws: `conflict` (`key_taken`).
    func insert(_ macro: Macro) async throws
    func update(_ macro: Macro) async throws
    func delete(id: MacroID) async throws -> Bool
}
