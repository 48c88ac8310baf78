import Foundation

/// Turns a condition's JSON value into the ``CompiledCondition/Operand`` its field and
/// operator need, or explains on `value` why it cannot.
struct RuleOperandParser {
    let field: RuleField
    let op: RuleOperator
    /// The custom field's definition, when the caller supplied the tenant's definitions.
    let definition: CustomFieldDefinition?

    func parse(_ value: JSONValue?) throws(ValidationError) -> CompiledCondition.Operand {
        let value = value ?? .null
        switch op {
        case .changed, .notChanged, .present, .blank:
            guard value == .null else {
                throw ValidationError(
                    field: "value", code: "value_not_allowed", message: "\(op.rawValue) takes no value")
            }
            return .none
        case .is, .isNot, .changedTo, .changedFrom:
            return .value(try scalar(value))
        case .contains, .notContains:
            guard case .string(let text) = value, !RuleText.fold(text).isEmpty else {
                throw invalid("must be a non-empty text")
            }
            return .needle(RuleText.Needle(folded: RuleText.fold(text)))
        case .containsAnyWords, .containsNone:
            return .keywords(try keywords(value).map(RuleText.Needle.init(folded:)))
        case .includes, .notIncludes:
            return .tags(try tags(value))
        case .greaterThan, .lessThan:
            return try bound(value)
        }
    }

    private func scalar(_ value: JSONValue) throws(ValidationError) -> RuleValue {
        guard value != .null else {
            throw ValidationError(field: "value", code: "value_required", message: "\(op.rawValue) needs a value")
        }
        switch field.kind {
        case .enumeration:
            guard let name = value.stringValue else { throw invalid("must be a text") }
            guard let parsed = enumeration(name) else {
                throw ValidationError(
                    field: "value", code: "unknown_value",
                    message: "'\(name)' is not one of: \(field.enumerationNames.joined(separator: ", "))")
            }
            return parsed
        case .identifier:
            guard let text = value.stringValue, let uuid = UUID(uuidString: text) else {
                throw invalid("must be a UUID")
            }
            return .id(uuid)
        case .text, .key:
            guard case .string(let text) = value, !text.isEmpty else { throw invalid("must be a non-empty text") }
            return .text(RuleText.fold(text))
        case .flag:
            guard case .bool(let flag) = value else { throw invalid("must be true or false") }
            return .flag(flag)
        case .custom:
            return .json(RuleJSON.fold(try customValue(value)))
        case .tagList, .hours:
            // Not reachable: these kinds do not allow the scalar operators.
            throw invalid("takes no single value")
        }
    }

    private func customValue(_ value: JSONValue) throws(ValidationError) -> JSONValue {
        guard let definition else {
            switch value {
            case .string, .number, .bool: return value
            default: throw invalid("must be a text, a number or true/false")
            }
        }
        do {
            return try definition.normalizedValue(value)
        } catch {
            throw ValidationError(field: "value", code: error.code, message: error.message)
        }
    }

    private func enumeration(_ name: String) -> RuleValue? {
        switch field {
        case .status: TicketStatus(rawValue: name).map(RuleValue.status)
        case .priority: TicketPriority(rawValue: name).map(RuleValue.priority)
        case .type: TicketType(rawValue: name).map(RuleValue.type)
        case .channel: TicketChannel(rawValue: name).map(RuleValue.channel)
        case .event: RuleEvent(rawValue: name).map(RuleValue.event)
        case .commentAuthor: CommentFacts.AuthorKind(rawValue: name).map(RuleValue.author)
        case .slaMetric: SLAMetric(rawValue: name).map(RuleValue.slaMetric)
        default: nil
        }
    }

    private func keywords(_ value: JSONValue) throws(ValidationError) -> [String] {
        var words: [String] = []
        switch value {
        case .string(let text):
            words = RuleText.keywords(in: text)
        case .array(let items):
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item,
                    case let word = RuleText.fold(text).trimmingCharacters(in: .whitespaces), !word.isEmpty
                else {
                    throw ValidationError(field: "value[\(index)]", code: "invalid_value", message: "must be a keyword")
                }
                words.append(word)
            }
        default:
            throw invalid("must be a list of keywords or a text of space-separated keywords")
        }
        guard !words.isEmpty else {
            throw ValidationError(field: "value", code: "value_required", message: "needs at least one keyword")
        }
        return words
    }

    private func tags(_ value: JSONValue) throws(ValidationError) -> Set<String> {
        let items: [JSONValue]
        switch value {
        case .string: items = [value]
        case .array(let list) where !list.isEmpty: items = list
        default: throw invalid("must be a tag or a non-empty list of tags")
        }
        var texts: [String] = []
        for (index, item) in items.enumerated() {
            guard let text = item.stringValue else {
                throw ValidationError(field: "value[\(index)]", code: "invalid_value", message: "must be a text")
            }
            texts.append(text)
        }
        // Custom field values (multi-select options) are keys, not tags: fold them only.
        if field.kind == .custom { return Set(texts.map(RuleText.fold)) }
        return Set(try TicketTags.normalize(texts, field: "value"))
    }

    private func bound(_ value: JSONValue) throws(ValidationError) -> CompiledCondition.Operand {
        switch (field.kind, value) {
        case (.enumeration, _): return .value(try scalar(value))
        case (.hours, .number(let hours)), (.custom, .number(let hours)):
            guard hours.isFinite else { throw invalid("must be a finite number") }
            return .number(hours)
        case (.custom, .string(let text)) where !text.isEmpty: return .text(text)
        case (.custom, _): throw invalid("must be a number or a text such as a date (2025-01-31)")
        default: throw invalid("must be a number of hours")
        }
    }

    private func invalid(_ message: String) -> ValidationError {
        ValidationError(field: "value", code: "invalid_value", message: message)
    }
}
