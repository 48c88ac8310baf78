import Foundation

/// When a running target starts to warn: `{"percent_elapsed": 80}` or `{"minutes_before": 30}`.
///
/// Both count in the target's own time (business or calendar), so "30 minutes before" a
/// business-hours deadline at 09:30 Monday warns at 09:00 Monday, not during the weekend.
public enum SLAWarning: Sendable, Equatable, Codable {
    /// Warn once this share (1–99) of the target has elapsed.
    case percentElapsed(Int)
    /// Warn this many minutes before the breach.
    case minutesBefore(Int)

    /// Warn at 80 % elapsed.
    public static let standard = SLAWarning.percentElapsed(80)

    /// Reads exactly one of `percent_elapsed` and `minutes_before`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let percent = try container.decodeIfPresent(Int.self, forKey: .percentElapsed)
        let minutes = try container.decodeIfPresent(Int.self, forKey: .minutesBefore)
        switch (percent, minutes) {
        case (let percent?, nil): self = .percentElapsed(percent)
        case (nil, let minutes?): self = .minutesBefore(minutes)
        default:
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "give exactly one of percent_elapsed and minutes_before"))
        }
    }

    /// Writes the one key of this kind of warning.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .percentElapsed(let percent): try container.encode(percent, forKey: .percentElapsed)
        case .minutesBefore(let minutes): try container.encode(minutes, forKey: .minutesBefore)
        }
    }

    /// How much of a target of `seconds` has elapsed when the warning starts (never negative).
    func elapsedAtWarning(target seconds: TimeInterval) -> TimeInterval {
        switch self {
        case .percentElapsed(let percent): seconds * TimeInterval(percent) / 100
        case .minutesBefore(let minutes): max(0, seconds - TimeInterval(minutes) * 60)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case percentElapsed = "percent_elapsed"
        case minutesBefore = "minutes_before"
    }
}
