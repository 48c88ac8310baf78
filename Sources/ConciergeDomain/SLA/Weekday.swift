/// A day of the week as written in a calendar's `weekly` hours.
enum Weekday: String, Sendable, CaseIterable {
    case mon, tue, wed, thu, fri, sat, sun

    /// The weekday of a local date given as days since 1970-01-01 (a Thursday).
    init(daysSinceEpoch days: Int) {
        let index = ((days + 3) % 7 + 7) % 7
        self = Self.allCases[index]
    }
}
