import ConciergeCore
import ConciergeDomain
import Foundation

/// The paths of one tenant's customer portal (`/portal/{tenant}/…`).
struct PortalPaths {
    let slug: String

    var home: String { "/portal/\(slug)" }
    var login: String { "\(home)/login" }
    var logout: String { "\(home)/logout" }
    var requests: String { "\(home)/requests" }
    /// Where the portal's cookies apply: this tenant's portal only.
    var cookiePath: String { home }

    func login(email: String? = nil, returningTo path: String?) -> String {
        var query: [String] = []
        if let email, !email.isEmpty { query.append("email=\(Self.encode(email))") }
        if let next = returnPath(path) { query.append("next=\(Self.encode(next))") }
        return query.isEmpty ? login : "\(login)?\(query.joined(separator: "&"))"
    }

    /// The page of a sign-in link (its secret is the credential).
    func link(_ secret: String) -> String { "\(login)/\(secret)" }

    func requests(filter: PortalRequestFilter, cursor: String? = nil) -> String {
        var query: [String] = []
        if filter != .all { query.append("status=\(filter.rawValue)") }
        if let cursor { query.append("cursor=\(Self.encode(cursor))") }
        return query.isEmpty ? requests : "\(requests)?\(query.joined(separator: "&"))"
    }

    func request(_ number: Int64) -> String { "\(requests)/\(number)" }
    func reply(_ number: Int64) -> String { "\(request(number))/reply" }
    func solve(_ number: Int64) -> String { "\(request(number))/solve" }
    func rating(_ number: Int64) -> String { "\(request(number))/rating" }
    func form(_ key: String) -> String { "\(home)/forms/\(Self.encode(key))" }
    func file(_ id: AttachmentID) -> String { "\(home)/files/\(id)" }

    /// `path` when it is a page of this tenant's portal to return to after signing in, else
    /// `nil`: the sign-in pages must not send anyone to another site or another tenant.
    func returnPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix(home + "/"), !path.hasPrefix(login), !path.contains("\\"),
            !path.contains("//"), path.count <= 2000,
            !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " })
        else { return nil }
        return path
    }

    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}
