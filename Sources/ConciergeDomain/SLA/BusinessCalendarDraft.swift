/// A business calendar as people write it — in tenant YAML, through the admin API, and as
/// the JSON stored in Postgres. ``BusinessCalendar/init(_:)`` checks it.
///
/// ```json
/// {"time_zone": "Asia/Shanghai",
///  "weekly": {"mon": [["09:00", "12:00"], ["13:30", "18:00"]], "tue": [["09:00", "18:00"]]},
///  "holidays": ["2026-10-01", "2026-10-02"],
///  "workdays": ["2026-09-20", {"date": "2026-10-10", "hours": [["09:00", "12:00"]]}]}
/// ```
///
/// Everything is text so that a typo (`"monday"`, `"25:00"`) becomes a ``ValidationError``
/// naming the field rather than an opaque decoding failure.
public struct BusinessCalendarDraft: Sendable, Equatable, Codable {
    /// IANA time zone whose wall clock the hours are read on; `Asia/Shanghai` when omitted.
    public var timeZone: String
    /// Opening hours per weekday (`mon` … `sun`): sorted, non-overlapping `[start, end]` pairs
    /// of `HH:MM`, `24:00` allowed as an end. A missing or empty day is closed.
    public var weekly: [String: [[String]]]
    /// Local dates (`YYYY-MM-DD`) that are closed all day, such as 国庆 2026-10-01.
    public var holidays: [String]
    /// Local dates that are working days whatever their weekday (调休 make-up days), or that
    /// have special hours.
    public var workdays: [Workday]

    /// A date that is worked, with its own hours or the calendar's standard hours.
    public struct Workday: Sendable, Equatable, Codable {
        /// The local date, `YYYY-MM-DD`.
        public var date: String
        /// The day's hours; `nil` means the hours of the calendar's first weekday that has any
        /// (Monday on an ordinary calendar), which is how a make-up Saturday is normally worked.
        public var hours: [[String]]?

        /// A worked date with its own hours, or the standard hours when `hours` is `nil`.
        public init(date: String, hours: [[String]]? = nil) {
            self.date = date
            self.hours = hours
        }

        /// Reads `"2026-09-27"` or `{"date": "2026-09-27", "hours": [["09:00", "12:00"]]}`.
        public init(from decoder: any Decoder) throws {
            if let date = try? decoder.singleValueContainer().decode(String.self) {
                self.init(date: date)
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                date: try container.decode(String.self, forKey: .date),
                hours: try container.decodeIfPresent([[String]].self, forKey: .hours))
        }

        /// Writes the bare date when the day keeps the standard hours, so stored calendars stay
        /// as short as hand-written ones.
        public func encode(to encoder: any Encoder) throws {
            guard let hours else {
                var container = encoder.singleValueContainer()
                try container.encode(date)
                return
            }
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(date, forKey: .date)
            try container.encode(hours, forKey: .hours)
        }

        private enum CodingKeys: String, CodingKey {
            case date, hours
        }
    }

    /// A draft; every part but the weekly hours may be left out.
    public init(
        timeZone: String = "Asia/Shanghai", weekly: [String: [[String]]], holidays: [String] = [],
        workdays: [Workday] = []
    ) {
        self.timeZone = timeZone
        self.weekly = weekly
        self.holidays = holidays
        self.workdays = workdays
    }

    /// Reads the JSON shape above; missing keys take the defaults of ``init(timeZone:weekly:holidays:workdays:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            timeZone: try container.decodeIfPresent(String.self, forKey: .timeZone) ?? "Asia/Shanghai",
            weekly: try container.decodeIfPresent([String: [[String]]].self, forKey: .weekly) ?? [:],
            holidays: try container.decodeIfPresent([String].self, forKey: .holidays) ?? [],
            workdays: try container.decodeIfPresent([Workday].self, forKey: .workdays) ?? [])
    }

    private enum CodingKeys: String, CodingKey {
        case timeZone = "time_zone"
        case weekly, holidays, workdays
    }
}
