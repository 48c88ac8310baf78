import Foundation

/// `yyyy-MM-dd HH:mm:ss` text in a given zone: how Odoo (UTC), Kingdee and Yonyou (the server's
/// zone) compare dates in their filters.
enum WallClockTime {
    /// `date` as wall-clock text in the IANA zone `timeZone` (UTC+8 when the name is unknown).
    static func text(_ date: Date, timeZone: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
