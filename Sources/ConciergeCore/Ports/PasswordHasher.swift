/// One-way password hashing (bcrypt in production). Implementations run the slow work off
/// the cooperative thread pool.
public protocol PasswordHasher: Sendable {
    /// A salted hash of `password` in the implementation's self-describing format.
    func hash(_ password: String) async throws -> String
    /// Whether `password` matches `hash`; `false` for a malformed hash.
    func verify(_ password: String, against hash: String) async -> Bool
}
