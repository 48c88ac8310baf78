import ConciergeDomain
import Foundation
import PostgresNIO

/// The columns of a ticket as selected, and their mapping to ``Ticket``.
enum TicketRow {
    static let columns = """
        id, number, subject, description, status, priority, type, channel, requester_id, organization_id, assignee_id,
        group_id, follower_ids, tags, custom_fields::text, due_at, parent_id, merged_into_id, created_at, updated_at,
        first_response_at, solved_at, closed_at, version::int8, form_key, asset_id, sla_breach_at
        """

    static func tickets(_ rows: PostgresRowSequence, tenant: TenantID) async throws -> [Ticket] {
        var tickets: [Ticket] = []
        for try await row in rows {
            let cells = row.makeRandomAccess()
            let customFields = try cells[14].decode(String.self)
            tickets.append(
                Ticket(
                    id: TicketID(try cells[0].decode(UUID.self)), tenantID: tenant,
                    number: try cells[1].decode(Int64.self),
                    subject: try cells[2].decode(String.self), description: try cells[3].decode(String.self),
                    status: TicketStatus(rawValue: try cells[4].decode(String.self)) ?? .open,
                    priority: TicketPriority(rawValue: try cells[5].decode(String.self)) ?? .normal,
                    type: TicketType(rawValue: try cells[6].decode(String.self)) ?? .question,
                    channel: TicketChannel(rawValue: try cells[7].decode(String.self)) ?? .api,
                    requesterID: CustomerID(try cells[8].decode(UUID.self)),
                    organizationID: try cells[9].decode(UUID?.self).map(OrganizationID.init),
                    assigneeID: try cells[10].decode(UUID?.self).map(UserID.init),
                    groupID: try cells[11].decode(UUID?.self).map(GroupID.init),
                    followerIDs: try cells[12].decode([UUID].self).map(UserID.init),
                    tags: try cells[13].decode([String].self),
                    customFields: customFields == "{}"
                        ? [:]
                        : (try? JSONDecoder().decode([String: JSONValue].self, from: Data(customFields.utf8))) ?? [:],
                    dueAt: try cells[15].decode(Date?.self),
                    parentID: try cells[16].decode(UUID?.self).map(TicketID.init),
                    mergedIntoID: try cells[17].decode(UUID?.self).map(TicketID.init),
                    createdAt: try cells[18].decode(Date.self), updatedAt: try cells[19].decode(Date.self),
                    firstResponseAt: try cells[20].decode(Date?.self), solvedAt: try cells[21].decode(Date?.self),
                    closedAt: try cells[22].decode(Date?.self), version: Int(try cells[23].decode(Int64.self))
                )
                .with(
                    formKey: try cells[24].decode(String?.self),
                    assetID: try cells[25].decode(UUID?.self).map(AssetID.init),
                    slaBreachAt: try cells[26].decode(Date?.self)))
        }
        return tickets
    }

    static func json(_ values: [String: JSONValue]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(values)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

extension Ticket {
    /// The same ticket with its form and asset set (keeps the row mapping above readable).
    func with(formKey: String?, assetID: AssetID?, slaBreachAt: Date?) -> Ticket {
        var copy = self
        copy.slaBreachAt = slaBreachAt
        copy.formKey = formKey
        copy.assetID = assetID
        return copy
    }
}
