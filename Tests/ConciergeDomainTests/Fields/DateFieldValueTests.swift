import ConciergeDomain
import Testing

@Suite("Custom field values: date, datetime")
struct DateFieldValueTests {
    static let date = FieldFixtures.validField(.date, key: "purchased_on")
    static let datetime = FieldFixtures.validField(.datetime, key: "visit_at")

    @Test(
        arguments: [
            ("2024-02-29", "2024-02-29"),
            ("2000-02-29", "2000-02-29"),
            ("2024-04-30", "2024-04-30"),
            ("2024-12-31", "2024-12-31"),
            ("0001-01-01", "0001-01-01"),
            ("9999-12-31", "9999-12-31"),
            (" 2024-01-15 ", "2024-01-15"),
        ])
    func dateAcceptsRealCalendarDates(input: String, stored: String) throws {
        #expect(try Self.date.normalizedValue(.string(input)) == .string(stored))
    }

    @Test(
        arguments: [
            "2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
            "0000-01-01", "2024-1-01", "24-01-01", "2024/01/01", "2024-01-01T00:00:00Z", "20240101", "２０２４-01-01",
            "2024-01-0a",
        ])
    func dateRefusesOtherShapesAndImpossibleDates(input: String) {
        let error = validationError { try Self.date.normalizedValue(.string(input)) }
        #expect(
            error
                == ValidationError(
                    field: "custom_fields.purchased_on", code: "invalid_field_value",
                    message: "must be a date (YYYY-MM-DD)"))
    }

    @Test
    func dateRefusesNumbersAndClearsOnEmpty() throws {
        #expect(validationError { try Self.date.normalizedValue(.number(20_240_101)) }?.code == "invalid_field_value")
        #expect(try Self.date.normalizedValue(.string("")) == .null)
    }

    @Test(
        arguments: [
            ("2024-03-01T09:30:00+08:00", "2024-03-01T01:30:00Z"),
            ("2024-03-01T01:30:00Z", "2024-03-01T01:30:00Z"),
            ("2024-01-01T03:00:00+08:00", "2023-12-31T19:00:00Z"),
            ("2024-02-28T22:00:00-05:00", "2024-02-29T03:00:00Z"),
            ("2023-02-28T22:00:00-05:00", "2023-03-01T03:00:00Z"),
            ("2024-03-01T09:30+0800", "2024-03-01T01:30:00Z"),
            ("2024-03-01T09:30+08:00", "2024-03-01T01:30:00Z"),
            ("2024-03-01T09:30:15.123456+08:00", "2024-03-01T01:30:15Z"),
            ("2024-06-30T23:59:59-00:30", "2024-07-01T00:29:59Z"),
            ("2024-03-01T05:45:00+05:45", "2024-03-01T00:00:00Z"),
            ("1969-12-31T23:00:00-02:00", "1970-01-01T01:00:00Z"),
            ("1960-01-01T01:00:00+02:00", "1959-12-31T23:00:00Z"),
            ("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"),
        ])
    func datetimeIsNormalisedToUTC(input: String, stored: String) throws {
        #expect(try Self.datetime.normalizedValue(.string(input)) == .string(stored))
    }

    @Test(
        arguments: [
            "2024-03-01T09:30:00", "2024-03-01 09:30:00Z", "2024-03-01t09:30:00Z", "2024-02-30T00:00:00Z",
            "2024-03-01T24:00:00Z", "2024-03-01T09:60:00Z", "2024-03-01T09:30:60Z", "2024-03-01T09:30:00+8:00",
            "2024-03-01T09:30:00+24:00", "2024-03-01T09:30:00+08:60", "2024-03-01T09:30:00.Z", "2024-03-01",
            "2024-03-01T09:30:00Zjunk", "2024-03-01T9:30:00Z", "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:00:00-01:00",
        ])
    func datetimeRefusesValuesWithoutAZoneOrOutOfRange(input: String) {
        let error = validationError { try Self.datetime.normalizedValue(.string(input)) }
        #expect(error?.field == "custom_fields.visit_at")
        #expect(error?.code == "invalid_field_value")
        #expect(error?.message.hasPrefix("must be a date and time with a time zone (ISO 8601)") == true)
    }
}
