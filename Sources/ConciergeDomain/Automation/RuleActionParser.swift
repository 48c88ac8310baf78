import Foundation

/// Checks the members of one ``RuleAction`` and builds its ``CompiledAction/Kind``.
struct RuleActionParser {
    let action: RuleAction
    let name: RuleAction.Name
    let customFields: CustomFieldValues?

    private static let maxSubjectLength = 500
    private static let maxBodyLength = 65_536

    /// The members each action takes; any other member is refused so that a misplaced one
    /// (a note's text under `value`) is not silently ignored.
    private var usedMembers: Set<String> {
        switch name {
        case .setStatus, .setPriority, .setType, .setGroup, .setAssignee, .addTags, .removeTags, .setTags: ["value"]
        case .setCustomField: ["key", "value"]
        case .addNote: ["body"]
        case .notifyUsers, .notifyGroups, .sendEmail: ["to", "subject", "body"]
        case .notifyAssignee: ["subject", "body"]
        case .callConnector: ["connector", "payload"]
        case .stopProcessing: []
        }
    }

    func refuseUnusedMembers() throws(ValidationError) {
        let given: [(String, Bool)] = [
            ("value", action.value != nil), ("key", action.key != nil), ("to", action.to != nil),
            ("subject", action.subject != nil), ("body", action.body != nil), ("connector", action.connector != nil),
            ("payload", action.payload != nil),
        ]
        for (member, present) in given where present && !usedMembers.contains(member) {
            throw ValidationError(
                field: member, code: "not_allowed", message: "\(name.rawValue) takes no \(member)")
        }
    }

    func parse() throws(ValidationError) -> CompiledAction.Kind {
        switch name {
        case .setStatus:
            let status = try enumeration(TicketStatus.self)
            // Nothing returns to new (see TicketLifecycle), so such an action could never apply.
            guard status != .new else {
                throw ValidationError(
                    field: "value", code: "invalid_status", message: "a ticket cannot move back to new")
            }
            return .change(TicketChange(status: status))
        case .setPriority: return .change(TicketChange(priority: try enumeration(TicketPriority.self)))
        case .setType: return .change(TicketChange(type: try enumeration(TicketType.self)))
        case .setGroup: return .change(TicketChange(groupID: .some(try optionalID(action.value, field: "value"))))
        case .setAssignee:
            return .change(TicketChange(assigneeID: .some(try optionalID(action.value, field: "value"))))
        case .setCustomField: return .change(TicketChange(customFields: try customField()))
        case .addTags: return .change(TicketChange(addTags: try tags(allowEmpty: false)))
        case .removeTags: return .change(TicketChange(removeTags: try tags(allowEmpty: false)))
        case .setTags: return .change(TicketChange(tags: try tags(allowEmpty: true)))
        case .addNote: return .note(body: try template(action.body, field: "body", maxLength: Self.maxBodyLength))
        case .notifyUsers:
            return .notifyUsers(try ids(UserTag.self), subject: try subject(), body: try body())
        case .notifyGroups:
            return .notifyGroups(try ids(GroupTag.self), subject: try subject(), body: try body())
        case .notifyAssignee: return .notifyAssignee(subject: try subject(), body: try body())
        case .sendEmail: return .sendEmail(try recipient(), subject: try subject(), body: try body())
        case .callConnector:
            let connector = try Validate.key(action.connector ?? "", field: "connector")
            let payload = action.payload ?? .object([:])
            try validateTemplates(in: payload, field: "payload")
            return .callConnector(connector, payload: payload)
        case .stopProcessing: return .stopProcessing
        }
    }

    private func enumeration<T: RawRepresentable & CaseIterable>(_: T.Type) throws(ValidationError) -> T
    where T.RawValue == String {
        guard let value = action.value, value != .null else { throw required("value", "needs a value") }
        guard let text = value.stringValue else {
            throw ValidationError(field: "value", code: "invalid_value", message: "must be a text")
        }
        guard let value = T(rawValue: text) else {
            throw ValidationError(
                field: "value", code: "unknown_value",
                message: "'\(text)' is not one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    private func optionalID<Tag>(_ value: JSONValue?, field: String) throws(ValidationError) -> TypedID<Tag>? {
        guard let value, value != .null else { return nil }
        guard let text = value.stringValue, let id = TypedID<Tag>(text) else {
            throw ValidationError(field: field, code: "invalid_value", message: "must be a UUID or null")
        }
        return id
    }

    private func ids<Tag>(_: Tag.Type) throws(ValidationError) -> [TypedID<Tag>] {
        let items: [JSONValue]
        switch action.to {
        case .string(let text)?: items = [.string(text)]
        case .array(let list)? where !list.isEmpty: items = list
        default: throw required("to", "needs one id or a list of ids")
        }
        var result: [TypedID<Tag>] = []
        for (index, item) in items.enumerated() {
            guard let id = try optionalID(item, field: "to[\(index)]") as TypedID<Tag>? else {
                throw ValidationError(field: "to[\(index)]", code: "invalid_value", message: "must be a UUID")
            }
            if !result.contains(id) { result.append(id) }
        }
        return result
    }

    private func recipient() throws(ValidationError) -> RuleIntent.EmailRecipient {
        guard let text = action.to?.stringValue else { throw required("to", "needs 'requester' or an email address") }
        if text == "requester" { return .requester }
        return .address(try Validate.email(text, field: "to"))
    }

    private func customField() throws(ValidationError) -> [String: JSONValue] {
        let key = try Validate.key(action.key ?? "", field: "key")
        let value = action.value ?? .null
        guard let customFields else { return [key: value] }
        guard let definition = customFields.definition(forKey: key), definition.active else {
            throw ValidationError(
                field: "key", code: "unknown_field", message: "'\(key)' is not an active custom field")
        }
        do {
            return [key: try definition.normalizedValue(value)]
        } catch {
            throw ValidationError(field: "value", code: error.code, message: error.message)
        }
    }

    private func tags(allowEmpty: Bool) throws(ValidationError) -> [String] {
        var texts: [String] = []
        switch action.value {
        case .string(let tag)?: texts = [tag]
        case .array(let items)?:
            for (index, item) in items.enumerated() {
                guard let text = item.stringValue else {
                    throw ValidationError(field: "value[\(index)]", code: "invalid_tag", message: "must be a text")
                }
                texts.append(text)
            }
        default: throw required("value", "needs a tag or a list of tags")
        }
        guard allowEmpty || !texts.isEmpty else { throw required("value", "needs at least one tag") }
        return try TicketTags.normalize(texts, field: "value")
    }

    private func subject() throws(ValidationError) -> RuleTemplate {
        let template = try self.template(action.subject, field: "subject", maxLength: Self.maxSubjectLength)
        guard !template.text.contains(where: \.isNewline) else {
            throw ValidationError(field: "subject", code: "invalid_characters", message: "must be one line")
        }
        return template
    }

    private func body() throws(ValidationError) -> RuleTemplate {
        try template(action.body, field: "body", maxLength: Self.maxBodyLength)
    }

    private func template(_ text: String?, field: String, maxLength: Int) throws(ValidationError) -> RuleTemplate {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw required(field, "must not be empty")
        }
        guard text.count <= maxLength else {
            throw ValidationError(field: field, code: "too_long", message: "must be at most \(maxLength) characters")
        }
        let template = RuleTemplate(text)
        try template.validate(customFieldKeys: customFieldKeys, field: field)
        return template
    }

    private func validateTemplates(in value: JSONValue, field: String) throws(ValidationError) {
        switch value {
        case .string(let text): try RuleTemplate(text).validate(customFieldKeys: customFieldKeys, field: field)
        case .array(let items):
            for (index, item) in items.enumerated() { try validateTemplates(in: item, field: "\(field)[\(index)]") }
        case .object(let members):
            for key in members.keys.sorted() { try validateTemplates(in: members[key]!, field: "\(field).\(key)") }
        case .null, .bool, .number: break
        }
    }

    private var customFieldKeys: Set<String>? { customFields.map { Set($0.definitions.map(\.key)) } }

    private func required(_ field: String, _ message: String) -> ValidationError {
        ValidationError(field: field, code: "required", message: message)
    }
}
