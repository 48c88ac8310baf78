/// A service-level agreement: which tickets it covers, how long each metric may take per
/// priority, when clocks pause, and when to warn.
///
/// Stored as JSON and written in tenant YAML:
/// ```json
/// {"key": "vip", "title": {"zh_cn": "VIP 客户", "en": "VIP customers"}, "position": 1,
///  "calendar": "shanghai-office",
///  "conditions": {"customer_tiers": ["vip"]},
///  "targets": {"first_reply": {"urgent": {"minutes": 30, "business_hours": false},
///                              "normal": {"minutes": 240}},
///              "resolution": {"normal": {"minutes": 2400}}},
///  "pause_on": {"first_reply": ["pending"]},
///  "warning": {"percent_elapsed": 80}}
/// ```
/// Only `key`, `title` and `targets` are required; check a policy with ``validated()``
/// before storing it, and pick one for a ticket with ``first(matching:in:)``.
public struct SLAPolicy: Sendable, Equatable, Codable {
    /// Stable key, unique within the tenant.
    public var key: String
    /// What agents read.
    public var title: LocalizedText
    /// Policies are tried in ascending position (then key); the first that matches applies.
    public var position: Int
    /// Key of the business calendar that business-hours targets count on; `nil` for the
    /// tenant's default calendar. The caller resolves it and passes the calendar to
    /// ``SLAClock/evaluate(policy:calendar:timeline:now:)``.
    public var calendarKey: String?
    /// Which tickets the policy covers.
    public var conditions: SLAConditions
    /// The allowed time per metric and priority.
    public var targets: SLATargets
    /// Per metric, the statuses that stop its clock (only `pending` and `on_hold` may be
    /// listed); a metric left out uses ``SLAMetric/defaultPausingStatuses``.
    public var pauseOn: [SLAMetric: [TicketStatus]]
    /// When a running target starts to warn.
    public var warning: SLAWarning

    /// A policy from its parts; call ``validated()`` before storing it.
    public init(
        key: String, title: LocalizedText, position: Int = 0, calendarKey: String? = nil,
        conditions: SLAConditions = SLAConditions(), targets: SLATargets,
        pauseOn: [SLAMetric: [TicketStatus]] = [:], warning: SLAWarning = .standard
    ) {
        self.key = key
        self.title = title
        self.position = position
        self.calendarKey = calendarKey
        self.conditions = conditions
        self.targets = targets
        self.pauseOn = pauseOn
        self.warning = warning
    }

    /// The statuses in which `metric`'s clock stops under this policy.
    ///
    /// Pending always stops requester wait, whatever the policy says: pending means the team
    /// is waiting on the requester, which that metric by definition does not count.
    public func pausingStatuses(for metric: SLAMetric) -> Set<TicketStatus> {
        let configured = pauseOn[metric].map(Set.init) ?? metric.defaultPausingStatuses
        return metric == .requesterWait ? configured.union([.pending]) : configured
    }

    /// Reads the JSON shape above; omitted optional keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try container.decode(String.self, forKey: .key),
            title: try container.decode(LocalizedText.self, forKey: .title),
            position: try container.decodeIfPresent(Int.self, forKey: .position) ?? 0,
            calendarKey: try container.decodeIfPresent(String.self, forKey: .calendarKey),
            conditions: try container.decodeIfPresent(SLAConditions.self, forKey: .conditions) ?? SLAConditions(),
            targets: try container.decode(SLATargets.self, forKey: .targets),
            pauseOn: try container.decodeIfPresent([SLAMetric: [TicketStatus]].self, forKey: .pauseOn) ?? [:],
            warning: try container.decodeIfPresent(SLAWarning.self, forKey: .warning) ?? .standard)
    }

    private enum CodingKeys: String, CodingKey {
        case key, title, position
        case calendarKey = "calendar"
        case conditions, targets
        case pauseOn = "pause_on"
        case warning
    }
}
