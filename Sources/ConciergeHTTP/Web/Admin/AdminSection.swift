import ConciergeCore
import ConciergeDomain

/// The parts of the admin console, each open to the roles holding the permission its use
/// cases need to change anything (the JSON API's write permissions).
enum AdminSection: String, CaseIterable {
    case settings
    case users
    case groups
    case tokens
    case connectors
    case fields
    case forms
    case serviceLevels = "sla"
    case rules

    var path: String { "\(AdminPaths.home)/\(rawValue)" }

    /// What a role needs to open the section.
    var permission: Permission {
        switch self {
        case .users: .usersWrite
        case .groups: .groupsWrite
        case .tokens: .tokensManage
        case .settings, .connectors, .fields, .forms, .serviceLevels, .rules: .tenantWrite
        }
    }

    /// The sections `role` may open, in the console's order; empty for roles without any.
    static func visible(to role: Role) -> [AdminSection] {
        allCases.filter { role.allows($0.permission) }
    }
}

/// The console's sidebar: the sections the viewer may open, the current one marked.
struct AdminNav {
    struct Link {
        let title: String
        let summary: String
        let href: String
        let current: Bool
        let key: String
    }

    let links: [Link]

    init(_ viewer: WebViewer, current: AdminSection?) {
        links = AdminSection.visible(to: viewer.identity.role).map { section in
            Link(
                title: viewer.catalogue.text("admin_section_\(section.rawValue)"),
                summary: viewer.catalogue.text("admin_section_\(section.rawValue)_summary"), href: section.path,
                current: section == current, key: section.rawValue)
        }
    }
}
