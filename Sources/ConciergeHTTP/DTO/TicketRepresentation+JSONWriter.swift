import ConciergeDomain
import Foundation

extension TicketRepresentation: JSONWritable {
    /// Members in sorted key order, as the API encoder writes them.
    func write(to writer: inout JSONWriter) {
        var first = true
        writer.raw("{")
        if let assetId {
            writer.key("asset_id", first: &first)
            writer.string(assetId)
        }
        if let assigneeId {
            writer.key("assignee_id", first: &first)
            writer.string(assigneeId)
        }
        writer.key("channel", first: &first)
        writer.string(channel)
        if let closedAt {
            writer.key("closed_at", first: &first)
            writer.date(closedAt)
        }
        writer.key("created_at", first: &first)
        writer.date(createdAt)
        writer.key("custom_fields", first: &first)
        writer.object(customFields)
        writer.key("description", first: &first)
        writer.string(description)
        if let dueAt {
            writer.key("due_at", first: &first)
            writer.date(dueAt)
        }
        if let firstResponseAt {
            writer.key("first_response_at", first: &first)
            writer.date(firstResponseAt)
        }
        writer.key("follower_ids", first: &first)
        writer.strings(followerIds)
        if let form {
            writer.key("form", first: &first)
            writer.string(form)
        }
        if let groupId {
            writer.key("group_id", first: &first)
            writer.string(groupId)
        }
        writer.key("id", first: &first)
        writer.string(id)
        if let mergedIntoId {
            writer.key("merged_into_id", first: &first)
            writer.string(mergedIntoId)
        }
        writer.key("number", first: &first)
        writer.number(number)
        if let organizationId {
            writer.key("organization_id", first: &first)
            writer.string(organizationId)
        }
        if let parentId {
            writer.key("parent_id", first: &first)
            writer.string(parentId)
        }
        writer.key("priority", first: &first)
        writer.string(priority)
        if let requester {
            writer.key("requester", first: &first)
            requester.write(to: &writer)
        }
        writer.key("requester_id", first: &first)
        writer.string(requesterId)
        if let slaBreachAt {
            writer.key("sla_breach_at", first: &first)
            writer.date(slaBreachAt)
        }
        if let solvedAt {
            writer.key("solved_at", first: &first)
            writer.date(solvedAt)
        }
        writer.key("status", first: &first)
        writer.string(status)
        writer.key("subject", first: &first)
        writer.string(subject)
        writer.key("tags", first: &first)
        writer.strings(tags)
        writer.key("type", first: &first)
        writer.string(type)
        writer.key("updated_at", first: &first)
        writer.date(updatedAt)
        writer.key("version", first: &first)
        writer.number(Int64(version))
        writer.raw("}")
    }
}

extension RequesterRepresentation: JSONWritable {
    func write(to writer: inout JSONWriter) {
        var first = true
        writer.raw("{")
        if let email {
            writer.key("email", first: &first)
            writer.string(email)
        }
        writer.key("id", first: &first)
        writer.string(id)
        writer.key("name", first: &first)
        writer.string(name)
        if let phone {
            writer.key("phone", first: &first)
            writer.string(phone)
        }
        writer.key("tier", first: &first)
        writer.string(tier)
        writer.raw("}")
    }
}

extension Page: JSONWritable where Item: JSONWritable {
    /// `{"next_cursor": …, "<key>": [...]}` — or the key first when it sorts before.
    func write(to writer: inout JSONWriter) {
        func items(_ writer: inout JSONWriter) {
            writer.string(key)
            writer.raw(":[")
            for (index, item) in self.items.enumerated() {
                if index > 0 { writer.raw(",") }
                item.write(to: &writer)
            }
            writer.raw("]")
        }
        func cursor(_ writer: inout JSONWriter) {
            writer.raw("\"next_cursor\":")
            if let nextCursor { writer.string(nextCursor) } else { writer.raw("null") }
        }
        writer.raw("{")
        if key < "next_cursor" {
            items(&writer)
            writer.raw(",")
            cursor(&writer)
        } else {
            cursor(&writer)
            writer.raw(",")
            items(&writer)
        }
        writer.raw("}")
    }
}

extension Wrapped: JSONWritable where Item: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.string(key)
        writer.raw(":")
        item.write(to: &writer)
        writer.raw("}")
    }
}
