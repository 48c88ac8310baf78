import ConciergeDomain
import Testing

@Suite("Validate.timeZone")
struct ValidateTimeZoneTests {
    @Test(arguments: [
        "Asia/Shanghai", "UTC", "America/New_York", "Europe/London", "Asia/Hong_Kong", "Asia/Tokyo", "Etc/UTC",
        "Etc/GMT+8", "America/Argentina/Buenos_Aires",
    ])
    func timeZoneAcceptsIANANames(_ name: String) {
        #expect(validationError { try Validate.timeZone(name, field: "time_zone") } == nil)
    }

    /// Names without a `/` (other than `UTC`) are refused even when Foundation knows them (`GMT`, `PRC`).
    @Test(arguments: [
        "Mars/Base", "", "Asia/Shang hai", "Shanghai", "CST", "+08:00", "Asia/", "/", "GMT+8", "GMT", "PRC",
        "Asia/Beijing", "Asia/Shanghai ", " UTC",
    ])
    func timeZoneRejectsUnknownNames(_ name: String) {
        let error = validationError { try Validate.timeZone(name, field: "time_zone") }
        #expect(error?.field == "time_zone")
        #expect(error?.code == "invalid_time_zone")
        #expect(error?.message == "is not an IANA time zone such as Asia/Shanghai")
    }
}
