import ConciergeCore
import HummingbirdBcrypt
import NIOPosix

/// bcrypt on NIO's blocking thread pool: hashing takes tens of milliseconds by design and must
/// not occupy the cooperative executor (two threads on a two-core machine).
public struct BcryptPasswordHasher: PasswordHasher {
    let cost: UInt8
    let threads: NIOThreadPool

    public init(cost: Int, threads: NIOThreadPool = .singleton) {
        self.cost = UInt8(cost)
        self.threads = threads
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await threads.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async -> Bool {
        (try? await threads.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    }
}
