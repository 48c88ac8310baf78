extension SLAPolicy {
    /// The longest target or warning lead, in minutes: 366 days. Anything longer is a typo,
    /// and bounding it bounds the calendar walk that finds the deadline.
    public static let maxTargetMinutes = 366 * 24 * 60

    /// This policy checked and normalised: condition lists sorted and listed once, tiers
    /// lowercased, pause lists sorted.
    ///
    /// - Throws: ``ValidationError`` naming the field: `key`, `title`, `calendar`
    ///   (`invalid_key`…); `conditions.customer_tiers[0]`, `conditions.organization_tiers[1]`,
    ///   `conditions.custom_fields.<key>`; `targets` (`required` when there is none);
    ///   `targets.first_reply.urgent.minutes` (`invalid_target`); `pause_on.resolution`
    ///   (`invalid_pause_status`); `warning.percent_elapsed` or `warning.minutes_before`
    ///   (`invalid_warning`).
    public func validated() throws(ValidationError) -> SLAPolicy {
        var result = self
        result.key = try Validate.key(key, field: "key")
        result.title = try title.validated(field: "title")
        if let calendarKey { result.calendarKey = try Validate.key(calendarKey, field: "calendar") }
        result.conditions = try conditions.validated(field: "conditions")
        try validateTargets()
        for metric in SLAMetric.allCases {
            guard let statuses = pauseOn[metric] else { continue }
            guard statuses.allSatisfy({ $0 == .pending || $0 == .onHold }) else {
                throw ValidationError(
                    field: "pause_on.\(metric.rawValue)", code: "invalid_pause_status",
                    message: "may list only pending and on_hold")
            }
            result.pauseOn[metric] = Set(statuses).sorted { $0.rawValue < $1.rawValue }
        }
        try validateWarning()
        return result
    }

    private func validateTargets() throws(ValidationError) {
        guard targets.byMetric.values.contains(where: { !$0.isEmpty }) else {
            throw ValidationError(field: "targets", code: "required", message: "must set at least one target")
        }
        for metric in SLAMetric.allCases {
            for priority in TicketPriority.allCases {
                guard let target = targets[metric, priority] else { continue }
                guard (1...Self.maxTargetMinutes).contains(target.minutes) else {
                    throw ValidationError(
                        field: "targets.\(metric.rawValue).\(priority.rawValue).minutes", code: "invalid_target",
                        message: "must be between 1 and \(Self.maxTargetMinutes) minutes")
                }
            }
        }
    }

    private func validateWarning() throws(ValidationError) {
        switch warning {
        case .percentElapsed(let percent):
            guard (1...99).contains(percent) else {
                throw ValidationError(
                    field: "warning.percent_elapsed", code: "invalid_warning", message: "must be between 1 and 99")
            }
        case .minutesBefore(let minutes):
            guard (1...Self.maxTargetMinutes).contains(minutes) else {
                throw ValidationError(
                    field: "warning.minutes_before", code: "invalid_warning",
                    message: "must be between 1 and \(Self.maxTargetMinutes) minutes")
            }
        }
    }
}

extension SLAConditions {
    /// These conditions with lists sorted and listed once and tiers checked as keys.
    func validated(field: String) throws(ValidationError) -> SLAConditions {
        var result = self
        result.priorities = Set(priorities).sorted()
        result.customerTiers = try Validate.keys(customerTiers, field: "\(field).customer_tiers")
        result.organizationTiers = try Validate.keys(organizationTiers, field: "\(field).organization_tiers")
        result.channels = Set(channels).sorted { $0.rawValue < $1.rawValue }
        result.groupIDs = Set(groupIDs).sorted()
        result.ticketTypes = Set(ticketTypes).sorted { $0.rawValue < $1.rawValue }
        for key in customFields.keys.sorted() {
            _ = try Validate.key(key, field: "\(field).custom_fields.\(key)")
        }
        return result
    }
}
