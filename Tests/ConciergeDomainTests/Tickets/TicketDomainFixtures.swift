import ConciergeDomain
import Foundation

/// Builders and fixed values for ticket domain tests.
enum TicketDomainFixtures {
    static let createdAt = Date(timeIntervalSince1970: 1_700_000_000)
    static let earlier = Date(timeIntervalSince1970: 1_700_050_000)
    static let now = Date(timeIntervalSince1970: 1_700_086_400)

    static let agent = UserID("00000000-0000-0000-0000-0000000000a1")!
    static let otherAgent = UserID("00000000-0000-0000-0000-0000000000a2")!
    static let thirdAgent = UserID("00000000-0000-0000-0000-0000000000a3")!
    static let group = GroupID("00000000-0000-0000-0000-0000000000b1")!
    static let organization = OrganizationID("00000000-0000-0000-0000-0000000000c1")!

    /// A ticket in `status`, with the timestamps a ticket in that status would carry.
    static func ticket(
        status: TicketStatus = .open, subject: String = "打印机无法开机", priority: TicketPriority = .normal,
        type: TicketType = .question, assigneeID: UserID? = nil, groupID: GroupID? = nil,
        organizationID: OrganizationID? = nil, followerIDs: [UserID] = [], tags: [String] = [],
        customFields: [String: JSONValue] = [:], dueAt: Date? = nil, version: Int = 3
    ) -> Ticket {
        Ticket(
            id: TicketID("00000000-0000-0000-0000-0000000000d1")!,
            tenantID: TenantID("00000000-0000-0000-0000-0000000000e1")!, number: 1001, subject: subject,
            description: "开机后屏幕没有反应", status: status, priority: priority, type: type, channel: .email,
            requesterID: CustomerID("00000000-0000-0000-0000-0000000000f1")!, organizationID: organizationID,
            assigneeID: assigneeID, groupID: groupID, followerIDs: followerIDs, tags: tags,
            customFields: customFields, dueAt: dueAt, createdAt: createdAt, updatedAt: createdAt,
            solvedAt: status == .solved || status == .closed ? earlier : nil,
            closedAt: status == .closed ? earlier : nil, version: version)
    }
}
