import Foundation
import Hummingbird

/// One-shot messages across a redirect (post/redirect/get): the handler of a form sets a
/// short-lived cookie naming a catalogue key, the next page shows that text and clears it.
///
/// The cookie carries only a key from a fixed list, never text, so nothing a visitor or
/// another site puts in it can reach the page.
enum WebFlash: String, CaseIterable {
    case replyPosted = "reply_posted"
    case noteAdded = "note_added"
    case ticketUpdated = "ticket_updated"
    case nothingChanged = "nothing_changed"
    case conflict
    case emptyBody = "empty_body"
    case ticketClosed = "ticket_closed"
    case refused
    case signedOut = "signed_out"
    case bulkUpdated = "bulk_updated"
    case macroApplied = "macro_applied"
    case fileRefused = "file_refused"
    case bulkPartly = "bulk_partly"
    case nothingSelected = "nothing_selected"
    /// A custom field's value was refused; the cookie also names the field's key.
    case fieldRefused = "field_refused"
    case settingsSaved = "settings_saved"
    case passwordChanged = "password_changed"
    case passwordWrong = "password_wrong"
    case passwordMismatch = "password_mismatch"
    case passwordTooWeak = "password_too_weak"
    case tooManyAttempts = "too_many_attempts"
    // The admin console's (catalogue keys `admin_flash_…`).
    case adminSaved = "admin_saved"
    case adminCreated = "admin_created"
    case adminInvited = "admin_invited"
    case adminDeactivated = "admin_deactivated"
    case adminReactivated = "admin_reactivated"
    case adminPasswordSet = "admin_password_set"
    case adminMemberAdded = "admin_member_added"
    case adminMemberRemoved = "admin_member_removed"
    case adminRevoked = "admin_revoked"
    case adminLogoSaved = "admin_logo_saved"
    case adminLogoRemoved = "admin_logo_removed"
    case adminTestDelivered = "admin_test_delivered"
    case adminTestFailed = "admin_test_failed"
    case adminReplayed = "admin_replayed"
    case adminActivated = "admin_activated"
    case adminDeactivatedItem = "admin_deactivated_item"
    case adminDeleted = "admin_deleted"

    /// A flash as a page shows it.
    struct Shown {
        let text: String
        /// `success` or `error`: the CSS class of the banner.
        let kind: String
    }

    static let cookieName = "concierge_flash"

    var catalogueKey: String {
        if self == .signedOut { return "login_signed_out" }
        if rawValue.hasPrefix("admin_") { return "admin_flash_\(rawValue.dropFirst("admin_".count))" }
        return "flash_\(rawValue)"
    }

    var isError: Bool {
        switch self {
        case .conflict, .emptyBody, .ticketClosed, .refused, .bulkPartly, .nothingSelected, .fileRefused,
            .fieldRefused, .passwordWrong, .passwordMismatch, .passwordTooWeak, .tooManyAttempts, .adminTestFailed:
            true
        default: false
        }
    }

    /// The cookie that carries this flash to the next page, with the key of the field it is
    /// about (`flash.key`; a key that is not a field key is left out).
    func cookie(secure: Bool, field: String? = nil) -> Cookie {
        let field = field.flatMap { Self.isFieldKey($0) ? $0 : nil }
        return Cookie(
            name: Self.cookieName, value: field.map { "\(rawValue).\($0)" } ?? rawValue, maxAge: 60, path: "/",
            secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The cookie that removes a shown flash.
    static func clearingCookie(secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The flash the request carries, if any.
    static func carried(by request: Request) -> WebFlash? {
        request.cookies[cookieName].flatMap { WebFlash(rawValue: String($0.value.prefix { $0 != "." })) }
    }

    /// The field key the request's flash names, if any (only ever a field key's characters).
    static func field(carriedBy request: Request) -> String? {
        guard let value = request.cookies[cookieName]?.value, let dot = value.firstIndex(of: ".") else { return nil }
        let key = String(value[value.index(after: dot)...])
        return isFieldKey(key) ? key : nil
    }

    /// Lowercase letters, digits and underscores, at most 64: the shape of custom field keys.
    static func isFieldKey(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    func shown(_ catalogue: WebCatalogue) -> Shown {
        Shown(text: catalogue.text(catalogueKey), kind: isError ? "error" : "success")
    }
}
