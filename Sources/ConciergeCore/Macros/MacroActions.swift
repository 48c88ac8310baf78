import ConciergeDomain

/// Turns a macro's actions into one ``TicketChange``, resolving group keys and user emails in
/// the tenant.
struct MacroActions {
    let tx: any TenantTransaction

    func change(for actions: [MacroAction]) async throws -> TicketChange {
        var change = TicketChange()
        for (index, action) in actions.enumerated() {
            switch action {
            case .setStatus(let status): change.status = status
            case .setPriority(let raw):
                guard let priority = TicketPriority(rawValue: raw) else {
                    throw Self.invalid(index, "names an unknown priority")
                }
                change.priority = priority
            case .setType(let type): change.type = type
            case .assignGroup(let key):
                guard let group = try await tx.groups.find(key: key) else {
                    throw Self.invalid(index, "names no group '\(key)'")
                }
                change.groupID = .some(group.id)
            case .assignUser(let email):
                guard let user = try await tx.users.find(email: email), user.status != .deactivated else {
                    throw Self.invalid(index, "names no active user '\(email)'")
                }
                change.assigneeID = .some(user.id)
            case .addTags(let tags): change.addTags = (change.addTags ?? []) + tags
            case .removeTags(let tags): change.removeTags = (change.removeTags ?? []) + tags
            case .setCustomField(let key, let value):
                change.customFields = (change.customFields ?? [:]).merging([key: value]) { _, new in new }
            }
        }
        return change
    }

    static func invalid(_ index: Int, _ message: String) -> AppError {
        AppError(
            .conflict, code: "macro_not_applicable", message: "action \(index + 1) \(message)",
            field: "actions[\(index)]")
    }
}
