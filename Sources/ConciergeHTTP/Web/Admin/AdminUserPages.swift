import ConciergeCore
import ConciergeDomain
import Foundation

/// How the console names roles and user states, and offers them in forms.
extension WebCatalogue {
    func label(_ role: Role) -> String { text("admin_role_\(role.rawValue)") }

    func label(_ status: UserStatus) -> String { text("admin_user_status_\(status.rawValue)") }

    /// The roles `grantor` may give, `selected` marked.
    func roleOptions(grantedBy grantor: Role, selected: String) -> [WebOption] {
        Role.allCases.filter(grantor.mayGrant).map {
            WebOption(value: $0.rawValue, label: label($0), selected: $0.rawValue == selected)
        }
    }

    /// The interface languages, and "the company's" while none is chosen.
    func localeOptions(selected: String, allowDefault: Bool) -> [WebOption] {
        let choices = Tenant.Locale.allCases.map {
            WebOption(
                value: $0.rawValue, label: text(AdminSettingsPage.localeKey($0)), selected: $0.rawValue == selected)
        }
        guard allowDefault else { return choices }
        return [WebOption(value: "", label: text("admin_user_locale_default"), selected: selected.isEmpty)] + choices
    }
}

/// `/admin/users`: one page of the tenant's people and the form that invites someone.
struct AdminUsersPage {
    struct Row {
        let name: String
        let email: String
        let role: String
        let groups: String
        let status: String
        let statusKind: String
        let lastSignIn: String
        let href: String
    }

    /// What the invitation form holds.
    struct Values {
        var name = ""
        var email = ""
        var role = Role.agent.rawValue
        var locale = ""

        init() {}

        init(form: [String: String]) {
            name = form["name"] ?? ""
            email = form["email"] ?? ""
            role = form["role"] ?? ""
            locale = form["locale"] ?? ""
        }
    }

    static let formFields: Set<String> = ["name", "email", "role", "locale", "password"]

    let nav: AdminNav
    let rows: [Row]
    let nextHref: String?
    let firstHref: String?
    let name: String
    let email: String
    let roleOptions: [WebOption]
    let localeOptions: [WebOption]
    let errors: [String: String]
    let formError: String?

    init(
        users: [User], groups: [Group], next: UserID?, isFirstPage: Bool, values: Values, viewer: WebViewer,
        errors: AdminFormErrors = .none
    ) {
        let catalogue = viewer.catalogue
        nav = AdminNav(viewer, current: .users)
        var memberships: [UserID: [String]] = [:]
        for group in groups.sorted(by: { $0.name < $1.name }) {
            for member in group.memberIDs { memberships[member, default: []].append(group.name) }
        }
        rows = users.map { user in
            Row(
                name: user.name, email: user.email, role: catalogue.label(user.role),
                groups: memberships[user.id]?.joined(separator: ", ") ?? "", status: catalogue.label(user.status),
                statusKind: AdminUserPage.statusKind(user.status),
                lastSignIn: user.lastLoginAt.map(viewer.dates.text) ?? catalogue.text("admin_never"),
                href: AdminPaths.user(user.id))
        }
        nextHref = next.map { "\(AdminPaths.users)?cursor=\($0)" }
        firstHref = isFirstPage ? nil : AdminPaths.users
        name = values.name
        email = values.email
        roleOptions = catalogue.roleOptions(grantedBy: viewer.identity.role, selected: values.role)
        localeOptions = catalogue.localeOptions(selected: values.locale, allowDefault: true)
        self.errors = errors.fields
        formError = errors.form
    }
}

/// `/admin/users/{id}`: one person: name, role, language, skills and regions; deactivate or
/// reactivate; set a password.
struct AdminUserPage {
    struct GroupLink {
        let name: String
        let href: String
    }

    /// What the edit form holds.
    struct Values {
        var name: String
        var role: String
        var locale: String
        var skills: String
        var regions: String

        init(_ user: User) {
            name = user.name
            role = user.role.rawValue
            locale = user.locale?.rawValue ?? ""
            skills = user.skills.joined(separator: ", ")
            regions = user.regions.joined(separator: ", ")
        }

        init(form: [String: String]) {
            name = form["name"] ?? ""
            role = form["role"] ?? ""
            locale = form["locale"] ?? ""
            skills = form["skills"] ?? ""
            regions = form["regions"] ?? ""
        }
    }

    static let formFields: Set<String> = ["name", "role", "locale", "skills", "regions"]

    let nav: AdminNav
    let heading: String
    let email: String
    let status: String
    let statusKind: String
    let created: String
    let lastSignIn: String
    let groups: [GroupLink]
    let hasGroups: Bool
    /// Whether the viewer's role may change this user (an admin may not change an owner).
    let canManage: Bool
    let isSelf: Bool
    let canDeactivate: Bool
    let canReactivate: Bool
    let action: String
    let name: String
    let skills: String
    let regions: String
    let roleOptions: [WebOption]
    let localeOptions: [WebOption]
    let errors: [String: String]
    let formError: String?
    let passwordError: String?

    init(
        user: User, groups: [Group], values: Values, viewer: WebViewer, errors: AdminFormErrors = .none,
        passwordErrors: AdminFormErrors = .none
    ) {
        let catalogue = viewer.catalogue
        nav = AdminNav(viewer, current: .users)
        heading = user.name
        email = user.email
        status = catalogue.label(user.status)
        statusKind = Self.statusKind(user.status)
        created = viewer.dates.text(user.createdAt)
        lastSignIn = user.lastLoginAt.map(viewer.dates.text) ?? catalogue.text("admin_never")
        self.groups = groups.filter { $0.memberIDs.contains(user.id) }.sorted { $0.name < $1.name }.map {
            GroupLink(name: $0.name, href: AdminPaths.group($0.id))
        }
        hasGroups = !self.groups.isEmpty
        canManage = viewer.identity.role.mayGrant(user.role)
        isSelf = viewer.user.id == user.id
        canDeactivate = canManage && !isSelf && user.status != .deactivated
        canReactivate = canManage && user.status == .deactivated
        action = AdminPaths.user(user.id)
        name = values.name
        skills = values.skills
        regions = values.regions
        roleOptions = catalogue.roleOptions(grantedBy: viewer.identity.role, selected: values.role)
        localeOptions = catalogue.localeOptions(selected: values.locale, allowDefault: user.locale == nil)
        self.errors = errors.fields
        formError = errors.form ?? passwordErrors.form
        passwordError = passwordErrors.fields["password"]
    }

    /// The CSS modifier of a user state.
    static func statusKind(_ status: UserStatus) -> String {
        switch status {
        case .active: "good"
        case .invited: "muted"
        case .deactivated: "bad"
        }
    }
}
