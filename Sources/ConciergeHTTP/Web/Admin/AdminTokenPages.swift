import ConciergeCore
import ConciergeDomain
import Foundation

/// `/admin/tokens`: the tenant's API tokens (never their secrets) and the form that issues one.
struct AdminTokensPage {
    struct Row {
        let name: String
        let role: String
        let prefix: String
        let createdBy: String
        let created: String
        let lastUsed: String
        let expires: String
        let status: String
        let statusKind: String
        let revokeAction: String?
    }

    struct Values {
        var name = ""
        var role = Role.agent.rawValue
        var expires = ""

        init() {}

        init(form: [String: String]) {
            name = form["name"] ?? ""
            role = form["role"] ?? ""
            expires = form["expires_on"] ?? ""
        }
    }

    static let formFields: Set<String> = ["name", "role", "expires_at"]

    let nav: AdminNav
    let rows: [Row]
    let isEmpty: Bool
    let name: String
    let expires: String
    let roleOptions: [WebOption]
    let errors: [String: String]
    let formError: String?

    init(
        tokens: [APIToken], userNames: [UserID: String], values: Values, viewer: WebViewer, now: Date,
        errors: AdminFormErrors = .none
    ) {
        let catalogue = viewer.catalogue
        nav = AdminNav(viewer, current: .tokens)
        rows = tokens.map { token in
            let (status, kind): (String, String) =
                if let revoked = token.revokedAt {
                    (catalogue.text("admin_token_revoked", ["date": viewer.dates.text(revoked)]), "bad")
                } else if let expires = token.expiresAt, expires <= now {
                    (catalogue.text("admin_token_expired"), "muted")
                } else {
                    (catalogue.text("admin_token_live"), "good")
                }
            let creator: String =
                switch token.createdBy {
                case .user(let id): userNames[id] ?? catalogue.text("admin_none")
                case .apiToken, .system: catalogue.text("admin_token_by_system")
                }
            return Row(
                name: token.name, role: catalogue.label(token.role), prefix: "\(token.prefix)…", createdBy: creator,
                created: viewer.dates.text(token.createdAt),
                lastUsed: token.lastUsedAt.map(viewer.dates.text) ?? catalogue.text("admin_never"),
                expires: token.expiresAt.map(viewer.dates.text) ?? catalogue.text("admin_token_no_expiry"),
                status: status, statusKind: kind,
                revokeAction: token.revokedAt == nil ? "\(AdminPaths.token(token.id))/revoke" : nil)
        }
        isEmpty = tokens.isEmpty
        name = values.name
        expires = values.expires
        roleOptions = catalogue.roleOptions(grantedBy: viewer.identity.role, selected: values.role)
        self.errors = errors.fields
        formError = errors.form
    }
}

/// The page after issuing a token: the only time its secret is shown.
struct AdminTokenIssuedPage {
    let nav: AdminNav
    let name: String
    let role: String
    let secret: String
    let expires: String

    init(_ issued: APITokenAdministration.Issued, viewer: WebViewer) {
        nav = AdminNav(viewer, current: .tokens)
        name = issued.token.name
        role = viewer.catalogue.label(issued.token.role)
        secret = issued.secret
        expires = issued.token.expiresAt.map(viewer.dates.text) ?? viewer.catalogue.text("admin_token_no_expiry")
    }
}
