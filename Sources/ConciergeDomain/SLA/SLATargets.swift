/// A policy's targets, per metric and priority:
/// `{"first_reply": {"urgent": {"minutes": 30, "business_hours": false}, "normal": {"minutes": 480}}}`.
///
/// A metric without a target for a ticket's priority is not measured for that ticket.
public struct SLATargets: Sendable, Equatable, Codable {
    /// The targets; missing entries mean "not measured".
    public var byMetric: [SLAMetric: [TicketPriority: SLATarget]]

    /// Targets from a nested dictionary.
    public init(_ byMetric: [SLAMetric: [TicketPriority: SLATarget]] = [:]) {
        self.byMetric = byMetric
    }

    /// The target of `metric` for tickets of `priority`, if there is one.
    public subscript(metric: SLAMetric, priority: TicketPriority) -> SLATarget? {
        get { byMetric[metric]?[priority] }
        set { byMetric[metric, default: [:]][priority] = newValue }
    }

    /// Reads metric and priority names as object keys; an unknown name is a decoding error
    /// rather than a silently ignored target.
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: [String: SLATarget]].self)
        var byMetric: [SLAMetric: [TicketPriority: SLATarget]] = [:]
        for (metricName, priorities) in raw {
            guard let metric = SLAMetric(rawValue: metricName) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "unknown SLA metric '\(metricName)'"))
            }
            for (priorityName, target) in priorities {
                guard let priority = TicketPriority(rawValue: priorityName) else {
                    throw DecodingError.dataCorrupted(
                        .init(codingPath: decoder.codingPath, debugDescription: "unknown priority '\(priorityName)'"))
                }
                byMetric[metric, default: [:]][priority] = target
            }
        }
        self.init(byMetric)
    }

    /// Writes metric and priority names as object keys.
    public func encode(to encoder: any Encoder) throws {
        var raw: [String: [String: SLATarget]] = [:]
        for (metric, priorities) in byMetric {
            for (priority, target) in priorities { raw[metric.rawValue, default: [:]][priority.rawValue] = target }
        }
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }
}
