/// The paths of the agent workspace.
enum AgentPaths {
    static let login = "/agent/login"
    static let tickets = "/agent/tickets"
    static let dashboard = "/agent/dashboard"
    static let settings = "/agent/settings"

    static func ticket(_ number: Int64) -> String { "/agent/tickets/\(number)" }

    /// The sign-in page that returns to `path` afterwards.
    static func login(returningTo path: String) -> String {
        guard let path = returnPath(path) else { return login }
        return "\(login)?next=\(AgentTicketFilters.encode(path))"
    }

    /// `path` when it is a workspace or admin console page of this site, else `nil`: the sign-in
    /// page must not become a redirector to other sites (`//evil.example`, `/\evil.example`).
    static func returnPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/agent/") || AdminPaths.contains(path), !path.hasPrefix(login),
            !path.contains("\\"),
            !path.contains("//"), path.count <= 2000
        else { return nil }
        return path
    }
}
