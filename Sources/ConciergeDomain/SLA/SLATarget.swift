import Foundation

/// How long a metric may take for one priority: `{"minutes": 240, "business_hours": true}`.
public struct SLATarget: Sendable, Equatable, Codable {
    /// The allowed time in minutes.
    public var minutes: Int
    /// Whether the minutes count only during the policy's business calendar (`true`, the
    /// default when omitted) or around the clock (`false`, calendar time, typical for urgent).
    public var businessHours: Bool

    /// A target of `minutes`, in business hours unless told otherwise.
    public init(minutes: Int, businessHours: Bool = true) {
        self.minutes = minutes
        self.businessHours = businessHours
    }

    /// Reads `business_hours` as `true` when it is left out, so that the common case is one key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            minutes: try container.decode(Int.self, forKey: .minutes),
            businessHours: try container.decodeIfPresent(Bool.self, forKey: .businessHours) ?? true)
    }

    /// The allowed time in seconds.
    var seconds: TimeInterval { TimeInterval(minutes) * 60 }

    private enum CodingKeys: String, CodingKey {
        case minutes
        case businessHours = "business_hours"
    }
}
