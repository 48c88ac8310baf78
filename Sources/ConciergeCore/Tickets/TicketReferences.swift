import ConciergeDomain

/// Checks that the users, group and parent a ticket points at exist in the tenant, so a
/// caller gets a clear 400 naming the field instead of a constraint error.
struct TicketReferences {
    let tx: any TenantTransaction

    func check(assignee: UserID?, group: GroupID?, parent: TicketID?, followers: [UserID] = [], asset: AssetID? = nil)
        async throws
    {
        if let asset, try await tx.assets.find(id: asset) == nil {
            throw AppError(.invalidInput, code: "unknown_asset", message: "asset_id names no asset", field: "asset_id")
        }
        let targets =
            assignee == nil && group == nil
            ? AssignmentTargets(assigneeStatus: nil, groupExists: false)
            : try await tx.tickets.assignmentTargets(assignee: assignee, group: group)
        if assignee != nil {
            guard let status = targets.assigneeStatus, status != .deactivated else {
                throw AppError(
                    .invalidInput, code: "unknown_assignee", message: "assignee_id names no active user",
                    field: "assignee_id")
            }
        }
        for (index, follower) in followers.enumerated() where try await tx.users.find(id: follower) == nil {
            throw AppError(
                .invalidInput, code: "unknown_user", message: "names no user", field: "follower_ids[\(index)]")
        }
        if group != nil, !targets.groupExists {
            throw AppError(.invalidInput, code: "unknown_group", message: "group_id names no group", field: "group_id")
        }
        if let parent {
            guard let parentTicket = try await tx.tickets.find(id: parent) else {
                throw AppError(
                    .invalidInput, code: "unknown_parent", message: "parent_id names no ticket", field: "parent_id")
            }
            guard parentTicket.status != .closed else {
                throw AppError(
                    .conflict, code: "ticket_closed", message: "a closed ticket cannot get new linked work",
                    field: "parent_id")
            }
        }
    }
}
