import Foundation

/// Reads an HTTP `Retry-After` value (RFC 9110 §10.2.3): either delay seconds or an HTTP-date.
enum RetryAfterHeader {
    /// The wait `value` asks for, measured from `now`; `nil` when the value is neither form.
    /// A date in the past means "now" (zero), never a negative wait.
    static func delay(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            // An absurdly long digit string is a broken peer, not a wait of centuries.
            guard let seconds = Int64(trimmed) else { return nil }
            return .seconds(seconds)
        }
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                let seconds = max(0, date.timeIntervalSince(now))
                return .seconds(Int64(seconds.rounded(.up)))
            }
        }
        return nil
    }

    /// IMF-fixdate, which senders must use, then the obsolete RFC 850 and asctime forms that
    /// recipients must still accept.
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",
        "EEEE, dd-MMM-yy HH:mm:ss zzz",
        "EEE MMM d HH:mm:ss yyyy",
    ]
}
