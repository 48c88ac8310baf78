import ConciergeDomain
import Foundation
import Testing

@Suite("BusinessCalendar JSON")
struct BusinessCalendarCodingTests {
    static let json = """
        {"time_zone": "Asia/Shanghai",
         "weekly": {"mon": [["09:00", "12:00"], ["13:30", "18:00"]], "sat": []},
         "holidays": ["2026-10-01", "2026-10-02"],
         "workdays": ["2026-09-27", {"date": "2026-10-10", "hours": [["09:00", "12:00"]]}]}
        """

    static func decode(_ text: String) throws -> BusinessCalendar {
        try JSONDecoder().decode(BusinessCalendar.self, from: Data(text.utf8))
    }

    @Test func theHandWrittenShapeDecodes() throws {
        // when
        let calendar = try Self.decode(Self.json)
        // then
        let expected = try BusinessCalendar(
            BusinessCalendarDraft(
                timeZone: "Asia/Shanghai", weekly: ["mon": [["09:00", "12:00"], ["13:30", "18:00"]], "sat": []],
                holidays: ["2026-10-01", "2026-10-02"],
                workdays: [.init(date: "2026-09-27"), .init(date: "2026-10-10", hours: [["09:00", "12:00"]])]))
        #expect(calendar == expected)
        #expect(calendar.isBusinessTime(SLAFixtures.date("2026-09-27T10:00:00+08:00")))
    }

    @Test func encodingWritesTheSameShapeBack() throws {
        // given
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // when
        let text = String(decoding: try encoder.encode(try Self.decode(Self.json)), as: UTF8.self)
        // then
        #expect(
            text
                == #"{"holidays":["2026-10-01","2026-10-02"],"time_zone":"Asia/Shanghai","#
                + #""weekly":{"mon":[["09:00","12:00"],["13:30","18:00"]],"sat":[]},"#
                + #""workdays":["2026-09-27",{"date":"2026-10-10","hours":[["09:00","12:00"]]}]}"#)
        #expect(try Self.decode(text) == Self.decode(Self.json))
    }

    @Test func omittedPartsTakeTheirDefaults() throws {
        let calendar = try Self.decode(#"{"weekly": {"fri": [["09:00", "17:00"]]}}"#)
        #expect(calendar.timeZone.identifier == "Asia/Shanghai")
        #expect(calendar.draft.holidays.isEmpty)
        #expect(calendar.draft.workdays.isEmpty)
    }

    @Test(arguments: [
        (#"{"weekly": {"mon": [["09:00", "25:00"]]}}"#, "weekly.mon[0]: '25:00' is not a time"),
        (#"{"time_zone": "Mars/Base", "weekly": {"mon": [["09:00", "18:00"]]}}"#, "time_zone: is not an IANA"),
        (#"{"weekly": {}}"#, "weekly: must give opening hours"),
    ])
    func anInvalidCalendarIsADecodingErrorCarryingTheField(_ text: String, _ prefix: String) {
        do {
            _ = try Self.decode(text)
            Issue.record("decoded an invalid calendar")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription.hasPrefix(prefix))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: [#"{"weekly": {"mon": "09:00-18:00"}}"#, #"{"weekly": {}, "workdays": [42]}"#])
    func aWrongShapeIsADecodingError(_ text: String) {
        #expect(throws: DecodingError.self) { try Self.decode(text) }
    }
}
