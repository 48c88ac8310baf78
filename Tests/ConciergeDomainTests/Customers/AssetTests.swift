import ConciergeDomain
import Foundation
import Testing

@Suite("Asset")
struct AssetTests {
    static let at = Date(timeIntervalSince1970: 1_700_000_000)

    static func asset(
        serialNumber: String = "SN-2024-0001", model: String = "", region: String = "", installedOn: String? = nil,
        warrantyEndsOn: String? = nil, attributes: [String: JSONValue] = [:]
    ) -> Asset {
        Asset(
            id: AssetID(), tenantID: TenantID("00000000-0000-0000-0000-0000000000e1")!, serialNumber: serialNumber,
            model: model, region: region, installedOn: installedOn, warrantyEndsOn: warrantyEndsOn,
            attributes: attributes, createdAt: at, updatedAt: at)
    }

    /// 2024-06-30T16:00:00Z is already 2024-07-01 in Shanghai (UTC+8).
    static let lastDayUTC = ISO8601DateFormatter().date(from: "2024-06-30T16:00:00Z")!

    @Test(arguments: [
        ("2024-06-30", "UTC", true),
        ("2024-06-30", "Asia/Shanghai", false),
        ("2024-07-01", "Asia/Shanghai", true),
        ("2024-06-29", "UTC", false),
        ("2030-01-01", "America/Los_Angeles", true),
    ])
    func warrantyCoversItsLastDayInTheTenantsTimeZone(_ end: String, _ zone: String, _ covered: Bool) {
        let asset = Self.asset(warrantyEndsOn: end)
        #expect(asset.isUnderWarranty(on: Self.lastDayUTC, in: TimeZone(identifier: zone)!) == covered)
    }

    @Test func noWarrantyEndMeansNotCovered() {
        #expect(!Self.asset().isUnderWarranty(on: Self.lastDayUTC, in: TimeZone(identifier: "UTC")!))
    }

    @Test func validationTrimsTextAndKeepsDates() throws {
        let valid = try Self.asset(
            serialNumber: "  SN-1  ", model: " LaserJet M404 ", region: " 华东 ", installedOn: "2024-02-29",
            warrantyEndsOn: "2027-02-28"
        ).validated()
        #expect(valid.serialNumber == "SN-1")
        #expect(valid.model == "LaserJet M404")
        #expect(valid.region == "华东")
        #expect(valid.installedOn == "2024-02-29")
        #expect(valid.warrantyEndsOn == "2027-02-28")
    }

    @Test(arguments: [
        (Self.asset(serialNumber: "   "), "serial_number", "required"),
        (Self.asset(serialNumber: String(repeating: "X", count: 101)), "serial_number", "too_long"),
        (Self.asset(model: String(repeating: "M", count: 201)), "model", "too_long"),
        (Self.asset(region: "华东\u{7}"), "region", "invalid_characters"),
        (Self.asset(installedOn: "2023-02-29"), "installed_on", "invalid_date"),
        (Self.asset(installedOn: "2024/01/01"), "installed_on", "invalid_date"),
        (Self.asset(warrantyEndsOn: "2024-13-01"), "warranty_ends_on", "invalid_date"),
        (Self.asset(warrantyEndsOn: "2024-01-01T00:00:00Z"), "warranty_ends_on", "invalid_date"),
        (
            Self.asset(installedOn: "2024-05-01", warrantyEndsOn: "2024-04-30"), "warranty_ends_on",
            "before_installation"
        ),
        (Self.asset(attributes: ["": .string("x")]), "attributes", "invalid_key"),
    ])
    func brokenFieldsAreNamed(_ asset: Asset, _ field: String, _ code: String) {
        let error = validationError { try asset.validated() }
        #expect(error?.field == field)
        #expect(error?.code == code)
    }

    @Test func serialNumberOfExactly100CharactersIsAccepted() throws {
        let serial = String(repeating: "9", count: 100)
        #expect(try Self.asset(serialNumber: serial).validated().serialNumber == serial)
    }
}
