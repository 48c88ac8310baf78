/// Exactly one holder at a time across all processes (a Postgres advisory lock).
public protocol LeaderElection: Sendable {
    /// Waits until this process holds leadership of `name`, then runs `body` while it does.
    /// If leadership is lost (the holding connection dies), `body` is cancelled and this
    /// throws; callers campaign again.
    func lead(_ name: String, holder: String, _ body: @escaping @Sendable () async throws -> Void) async throws

    /// Who holds `name` now, as last recorded, if anyone.
    func currentHolder(of name: String) async throws -> String?
}
