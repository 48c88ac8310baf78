import ConciergeDomain
import Foundation
import Testing

@Suite("BusinessCalendar without working time")
struct BusinessCalendarNoWorkingTimeTests {
    static let start = SLAFixtures.date("2026-03-09T09:00:00+08:00")

    @Test func addingBusinessTimeThrowsInsteadOfSearchingForever() {
        #expect(throws: BusinessCalendarError.noWorkingTime(after: Self.start)) {
            try SLAFixtures.neverOpen.addingBusinessTime(60, to: Self.start)
        }
    }

    @Test func nextOpeningThrowsInsteadOfSearchingForever() {
        #expect(throws: BusinessCalendarError.noWorkingTime(after: Self.start)) {
            try SLAFixtures.neverOpen.nextOpening(after: Self.start)
        }
    }

    @Test func businessTimeOverAClosedStretchIsZero() {
        let later = SLAFixtures.date("2027-03-09T09:00:00+08:00")
        #expect(SLAFixtures.neverOpen.businessTime(from: Self.start, to: later) == 0)
    }

    @Test func workingTimeJustInsideTheSearchLimitIsFound() throws {
        // given: the first Monday after the holidays, 2031-01-06, is within three years of 2028-03-06
        let start = SLAFixtures.date("2028-03-06T09:00:00+08:00")
        // when
        let deadline = try SLAFixtures.neverOpen.addingBusinessTime(60, to: start)
        // then
        #expect(deadline == SLAFixtures.date("2031-01-06T09:01:00+08:00"))
    }

    @Test func theErrorSaysWhatIsWrong() {
        let error = BusinessCalendarError.noWorkingTime(after: Self.start)
        #expect(error.description.hasPrefix("the business calendar has no working time within 1100 days after"))
    }

    @Test func aCalendarWithoutWeeklyHoursIsRefusedWhenBuilt() {
        let error = validationError { try BusinessCalendar(BusinessCalendarDraft(weekly: ["mon": [], "sat": []])) }
        #expect(error?.field == "weekly")
        #expect(error?.code == "no_working_time")
    }
}
