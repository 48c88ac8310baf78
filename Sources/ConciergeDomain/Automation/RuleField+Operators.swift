extension RuleField {
    /// The shape of a field's value, which decides the operators it accepts and the type of
    /// value a condition must give.
    enum Kind: Sendable, Equatable {
        /// One of a fixed list of names (status, priority, SLA metric, …).
        case enumeration
        /// A UUID (group, assignee, organization).
        case identifier
        /// Free text, compared case-insensitively.
        case text
        /// A short tenant-defined key (tier, locale, form), compared case-insensitively.
        case key
        /// A list of tags.
        case tagList
        /// `true` or `false`.
        case flag
        /// A number of hours.
        case hours
        /// A custom field: any JSON value.
        case custom
    }

    var kind: Kind {
        switch self {
        case .status, .priority, .type, .channel, .event, .commentAuthor, .slaMetric: .enumeration
        case .groupID, .assigneeID, .organizationID: .identifier
        case .subject, .description, .commentBody, .requesterEmail, .organizationName: .text
        case .requesterTier, .requesterLocale, .organizationTier, .formKey: .key
        case .tags, .requesterTags, .organizationTags: .tagList
        case .commentIsPublic, .withinBusinessHours: .flag
        case .hoursSinceCreated, .hoursSinceUpdated, .hoursSinceStatusChange, .hoursSinceAssigneeUpdate,
            .businessHoursSinceCreated:
            .hours
        case .customField: .custom
        }
    }

    /// The operators a condition on this field may use.
    public var allowedOperators: [RuleOperator] {
        let change: [RuleOperator] = [.changed, .changedTo, .changedFrom, .notChanged]
        let text: [RuleOperator] = [.is, .isNot, .contains, .notContains, .containsAnyWords, .containsNone]
        switch self {
        case .status, .type: return [.is, .isNot] + change
        case .priority: return [.is, .isNot, .greaterThan, .lessThan] + change
        case .channel, .event, .commentAuthor, .commentIsPublic, .withinBusinessHours: return [.is, .isNot]
        case .groupID, .assigneeID, .organizationID: return [.is, .isNot, .present, .blank] + change
        case .subject: return text + [.changed, .notChanged]
        case .description, .commentBody, .requesterEmail, .organizationName: return text + [.present, .blank]
        case .requesterTier, .requesterLocale, .organizationTier, .slaMetric, .formKey:
            return [.is, .isNot, .present, .blank]
        case .tags, .requesterTags, .organizationTags: return [.includes, .notIncludes, .present, .blank]
        case .hoursSinceCreated, .hoursSinceUpdated, .hoursSinceStatusChange, .hoursSinceAssigneeUpdate,
            .businessHoursSinceCreated:
            return [.greaterThan, .lessThan]
        case .customField: return RuleOperator.allCases
        }
    }

    /// Whether the field has a value when no event caused the evaluation; time-based
    /// automations refuse the fields that would never hold there.
    var isAvailableWithoutEvent: Bool {
        switch self {
        case .event, .commentBody, .commentIsPublic, .commentAuthor, .slaMetric: false
        default: true
        }
    }

    /// Whether the field is measured in hours (what makes an automation time-based).
    var isTimeBased: Bool { kind == .hours }

    /// The names an enumeration field accepts, in order (priority: low to urgent).
    var enumerationNames: [String] {
        switch self {
        case .status: TicketStatus.allCases.map(\.rawValue)
        case .priority: TicketPriority.allCases.map(\.rawValue)
        case .type: TicketType.allCases.map(\.rawValue)
        case .channel: TicketChannel.allCases.map(\.rawValue)
        case .event: RuleEvent.allCases.map(\.rawValue)
        case .commentAuthor: CommentFacts.AuthorKind.allCases.map(\.rawValue)
        case .slaMetric: SLAMetric.allCases.map(\.rawValue)
        default: []
        }
    }
}
