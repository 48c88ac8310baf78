import Foundation

/// Conversions between instants and local wall-clock time, done with plain arithmetic on
/// UTC offsets so they never depend on the process's locale or default calendar.
extension TimeZone {
    /// The local date of `date`, as days since 1970-01-01.
    func localDay(of date: Date) -> Int {
        let local = date.timeIntervalSince1970 + Double(secondsFromGMT(for: date))
        return Int((local / 86_400).rounded(.down))
    }

    /// The instant at which the wall clock shows `minute` minutes after midnight of `day`
    /// (days since 1970-01-01); minute 1440 is the next midnight.
    ///
    /// A time that occurs twice (the repeated hour when clocks go back) is its first
    /// occurrence. A time that does not occur (the hour skipped when clocks go forward) is the
    /// moment the clocks jump, so an office opening at 02:30 on that day opens at 03:00.
    func instant(day: Int, minute: Int) -> Date {
        let local = day * 86_400 + minute * 60
        // Zone offsets stay within ±18 h, so the offsets a day either side bracket any change
        // that could affect this local time.
        let before = secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - 86_400)))
        let after = secondsFromGMT(for: Date(timeIntervalSince1970: Double(local + 86_400)))
        var offsets: Set<Int> = [before, after]
        for offset in [before, after] {
            offsets.insert(secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - offset))))
        }
        let valid = offsets.map { local - $0 }.filter { instant in
            instant + secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))) == local
        }
        if let earliest = valid.min() { return Date(timeIntervalSince1970: Double(earliest)) }
        return Date(timeIntervalSince1970: Double(firstInstant(reaching: local, offsets: offsets)))
    }

    /// The first instant whose wall-clock time is at or after `local`, for a local time that
    /// falls into a gap: between the candidates the wall clock only moves forward, so a binary
    /// search over whole seconds finds the jump.
    private func firstInstant(reaching local: Int, offsets: Set<Int>) -> Int {
        var low = local - (offsets.max() ?? 0)
        var high = local - (offsets.min() ?? 0)
        while low < high {
            let middle = low + (high - low) / 2
            if middle + secondsFromGMT(for: Date(timeIntervalSince1970: Double(middle))) >= local {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
