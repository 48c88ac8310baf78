import ConciergeDomain
import Foundation
import Testing

@testable import ConciergeHTTP

/// The SLA badge's wording: minutes, hours or days, ahead or past, in both languages.
@Suite struct SLABadgeTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    struct Case: Sendable {
        let offset: TimeInterval
        let english: String
        let chinese: String
        let kind: String
    }

    static let cases: [Case] = [
        Case(offset: 25 * 60, english: "breaches in 25 min", chinese: "25 分钟后超时", kind: "soon"),
        Case(offset: 24.5 * 60, english: "breaches in 25 min", chinese: "25 分钟后超时", kind: "soon"),
        Case(offset: -5 * 60, english: "breached 5 min ago", chinese: "已超时 5 分钟", kind: "breached"),
        Case(offset: -5.5 * 60, english: "breached 5 min ago", chinese: "已超时 5 分钟", kind: "breached"),
        Case(offset: 90 * 60, english: "breaches in 90 min", chinese: "90 分钟后超时", kind: "later"),
        Case(offset: 5 * 3600, english: "breaches in 5 h", chinese: "5 小时后超时", kind: "later"),
        Case(offset: -3 * 86400, english: "breached 3 d ago", chinese: "已超时 3 天", kind: "breached"),
    ]

    @Test(arguments: cases)
    func wording(_ example: Case) {
        let resources = WebResources.bundled
        let dates = WebDateFormat(timeZoneIdentifier: "Asia/Shanghai")
        let at = Self.now.addingTimeInterval(example.offset)
        let en = SLABadge(breachAt: at, now: Self.now, catalogue: resources.catalogue(.en), dates: dates)
        let zh = SLABadge(breachAt: at, now: Self.now, catalogue: resources.catalogue(.zhCN), dates: dates)
        #expect(en.text == example.english)
        #expect(zh.text == example.chinese)
        #expect(en.kind == example.kind)
    }

    @Test func datesAreShownInTheTenantsTimeZone() {
        // 2027-01-15 00:00 UTC
        let instant = Date(timeIntervalSince1970: 1_799_971_200)
        #expect(WebDateFormat(timeZoneIdentifier: "Asia/Shanghai").text(instant) == "2027-01-15 08:00")
        #expect(WebDateFormat(timeZoneIdentifier: "Europe/Berlin").text(instant) == "2027-01-15 01:00")
        #expect(WebDateFormat(timeZoneIdentifier: "Not/AZone").text(instant) == "2027-01-15 08:00")
    }
}
