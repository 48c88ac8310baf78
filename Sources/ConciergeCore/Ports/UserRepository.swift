import ConciergeDomain
import Foundation

/// Users of the transaction's tenant.
public protocol UserRepository: Sendable {
    /// - Throws: ``AppError`` `conflict` (`email_taken`) when the email exists.
    func insert(_ user: User, passwordHash: String?) async throws
    func find(id: UserID) async throws -> User?
    func find(email: String) async throws -> User?
    /// The stored bcrypt hash, if a password was set.
    func passwordHash(of id: UserID) async throws -> String?
    func update(_ user: User) async throws
    func setPasswordHash(_ hash: String, of id: UserID) async throws
    func recordLogin(of id: UserID, at: Date) async throws
    /// Users ordered by name, then id, after `cursor` (the last id of the previous page).
    func list(after cursor: UserID?, limit: Int) async throws -> [User]
    /// Active and invited users whose role uses a seat.
    func countSeatsInUse() async throws -> Int
    /// Active owners.
    func countActiveOwners() async throws -> Int
}
