import ConciergeDomain

/// Groups of the transaction's tenant, with their members.
public protocol GroupRepository: Sendable {
    /// - Throws: ``AppError`` `conflict` (`key_taken`) when the key exists.
    func insert(_ group: Group) async throws
    func find(id: GroupID) async throws -> Group?
    func find(key: String) async throws -> Group?
    func update(_ group: Group) async throws
    func delete(id: GroupID) async throws -> Bool
    func list() async throws -> [Group]
    /// Replaces the member list. - Throws: `notFound` when a user id is unknown.
    func setMembers(_ members: [UserID], of id: GroupID) async throws
}
