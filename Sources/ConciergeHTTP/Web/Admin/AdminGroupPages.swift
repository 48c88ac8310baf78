import ConciergeDomain

/// `/admin/groups`: the tenant's teams and skill groups, and the form that creates one.
struct AdminGroupsPage {
    struct Row {
        let name: String
        let key: String
        let description: String
        let members: String
        let href: String
    }

    struct Values {
        var key = ""
        var name = ""
        var description = ""

        init() {}

        init(form: [String: String]) {
            key = form["key"] ?? ""
            name = form["name"] ?? ""
            description = form["description"] ?? ""
        }
    }

    static let formFields: Set<String> = ["key", "name", "description"]

    let nav: AdminNav
    let rows: [Row]
    let isEmpty: Bool
    let key: String
    let name: String
    let description: String
    let errors: [String: String]
    let formError: String?

    init(groups: [Group], values: Values, viewer: WebViewer, errors: AdminFormErrors = .none) {
        nav = AdminNav(viewer, current: .groups)
        rows = groups.sorted { $0.name < $1.name }.map {
            Row(
                name: $0.name, key: $0.key, description: $0.description, members: String($0.memberIDs.count),
                href: AdminPaths.group($0.id))
        }
        isEmpty = groups.isEmpty
        key = values.key
        name = values.name
        description = values.description
        self.errors = errors.fields
        formError = errors.form
    }
}

/// `/admin/groups/{id}`: a group's name and description, its members, and the people who may
/// be added.
struct AdminGroupPage {
    struct Member {
        let name: String
        let email: String
        let id: String
        let href: String
    }

    struct Values {
        var name: String
        var description: String

        init(_ group: Group) {
            name = group.name
            description = group.description
        }

        init(form: [String: String]) {
            name = form["name"] ?? ""
            description = form["description"] ?? ""
        }
    }

    static let formFields: Set<String> = ["name", "description"]

    let nav: AdminNav
    let heading: String
    let key: String
    let action: String
    let name: String
    let description: String
    let members: [Member]
    let hasMembers: Bool
    let candidates: [WebOption]
    let hasCandidates: Bool
    let errors: [String: String]
    let formError: String?

    init(group: Group, users: [User], values: Values, viewer: WebViewer, errors: AdminFormErrors = .none) {
        nav = AdminNav(viewer, current: .groups)
        heading = group.name
        key = group.key
        action = AdminPaths.group(group.id)
        name = values.name
        description = values.description
        let members = Set(group.memberIDs)
        self.members = users.filter { members.contains($0.id) }.map {
            Member(name: $0.name, email: $0.email, id: $0.id.description, href: AdminPaths.user($0.id))
        }
        hasMembers = !self.members.isEmpty
        candidates = users.filter { !members.contains($0.id) && $0.status != .deactivated }.map {
            WebOption(value: $0.id.description, label: "\($0.name) <\($0.email)>", selected: false)
        }
        hasCandidates = !candidates.isEmpty
        self.errors = errors.fields
        formError = errors.form
    }
}
