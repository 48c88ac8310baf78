import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("Date fields in current and obsolete RFC 5322 syntax")
struct InboundDateParsingTests {
    /// 2026-11-23 02:15:00 UTC.
    private static let reference = Date(timeIntervalSince1970: 1_795_400_100)

    @Test(
        "numeric, named and military zones, comments and a missing weekday",
        arguments: [
            "Mon, 23 Nov 2026 10:15:00 +0800",
            "Mon, 23 Nov 2026 10:15:00 +0800 (CST)",
            "23 Nov 2026 02:15:00 GMT",
            "Sun, 22 Nov 2026 21:15:00 EST",
            "Sun, 22 Nov 2026 18:15:00 PST",
            "Mon, 23 Nov 2026 02:15:00 UT",
            "Mon, 23 Nov 2026 02:15:00 Z",
            "Mon,  23  Nov  2026  04:15:00  +02:00",
            "Mon, 23 Nov 2026 10:15:00 GMT+0800",
        ]
    )
    func zonesAreApplied(value: String) {
        // given: the value

        // when
        let date = InboundDateParser.date(from: value)

        // then
        #expect(date == Self.reference)
    }

    @Test("missing seconds mean zero seconds")
    func missingSecondsAreZero() {
        // given
        let value = "Mon, 23 Nov 2026 10:15 +0800"

        // when
        let date = InboundDateParser.date(from: value)

        // then
        #expect(date == Self.reference)
    }

    @Test("two- and three-digit years follow RFC 5322 §4.3")
    func obsoleteYearsAreWidened() {
        // given
        let twoDigitRecent = "23 Nov 26 02:15:00 +0000"
        let twoDigitOld = "01 Jan 99 00:00:00 +0000"
        let threeDigit = "01 Jan 099 00:00:00 +0000"

        // when / then
        #expect(InboundDateParser.date(from: twoDigitRecent) == Self.reference)
        #expect(InboundDateParser.date(from: twoDigitOld) == Date(timeIntervalSince1970: 915_148_800))
        #expect(InboundDateParser.date(from: threeDigit) == Date(timeIntervalSince1970: 915_148_800))
    }

    @Test("a missing zone is read as UTC")
    func missingZoneIsUTC() {
        // given
        let value = "Mon, 23 Nov 2026 02:15:00"

        // when
        let date = InboundDateParser.date(from: value)

        // then
        #expect(date == Self.reference)
    }

    @Test(
        "values that are not dates give nil",
        arguments: [
            "", "yesterday", "32 Nov 2026 10:00:00 +0000",
            "23 Foo 2026 10:00:00 +0000", "23 Nov 2026 25:00:00 +0000", "23 Nov 2026 10:61 +0000",
        ])
    func invalidDatesAreNil(value: String) {
        // given: the value

        // when
        let date = InboundDateParser.date(from: value)

        // then
        #expect(date == nil)
    }
}
