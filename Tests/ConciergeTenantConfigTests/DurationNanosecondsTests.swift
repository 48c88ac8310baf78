import ConciergeCore
import Testing

@Suite("Duration.nanoseconds")
struct DurationNanosecondsTests {
    @Test(arguments: [
        (Duration.zero, Int64(0)),
        (.nanoseconds(7), 7),
        (.microseconds(3), 3_000),
        (.milliseconds(200), 200_000_000),
        (.milliseconds(1500), 1_500_000_000),
        (.seconds(2), 2_000_000_000),
        (.seconds(600), 600_000_000_000),
        (.milliseconds(-1500), -1_500_000_000),
    ])
    func nanosecondsConvertsWholeNanoseconds(_ duration: Duration, _ expected: Int64) {
        #expect(duration.nanoseconds == expected)
    }

    @Test func nanosecondsDropsSubNanosecondRemainders() {
        #expect(
            (Duration.nanoseconds(5) + Duration(secondsComponent: 0, attosecondsComponent: 999_999_999)).nanoseconds
                == 5)
    }
}
