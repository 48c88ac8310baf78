import Foundation
import Hummingbird

/// The portal's one-shot messages across a redirect: a short-lived cookie, scoped to the
/// tenant's portal, that names a key from this fixed list (never text).
enum PortalFlash: String, CaseIterable {
    case signedIn = "signed_in"
    case signedOut = "signed_out"
    case requestSent = "request_sent"
    case replySent = "reply_sent"
    case emptyReply = "empty_reply"
    case fileRefused = "file_refused"
    case closed
    case solved
    case notSolvable = "not_solvable"
    case rated
    case ratingInvalid = "rating_invalid"
    case alreadyRated = "already_rated"
    case ratingExpired = "rating_expired"

    static let cookieName = "concierge_portal_flash"

    var catalogueKey: String { "portal_flash_\(rawValue)" }

    var isError: Bool {
        switch self {
        case .emptyReply, .fileRefused, .closed, .notSolvable, .ratingInvalid, .alreadyRated, .ratingExpired: true
        default: false
        }
    }

    func cookie(path: String, secure: Bool) -> Cookie {
        Cookie(
            name: Self.cookieName, value: rawValue, maxAge: 60, path: path, secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    static func clearingCookie(path: String, secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: path, secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func carried(by request: Request) -> PortalFlash? {
        request.cookies[cookieName].flatMap { PortalFlash(rawValue: $0.value) }
    }

    func shown(_ catalogue: WebCatalogue) -> WebFlash.Shown {
        WebFlash.Shown(text: catalogue.text(catalogueKey), kind: isError ? "error" : "success")
    }
}
