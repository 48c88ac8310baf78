import ConciergeDomain
import Foundation
import Testing

@Suite("TenantSettingsChange")
struct TenantSettingsChangeTests {
    static func tenant() throws -> Tenant {
        Tenant(
            id: TenantID(), slug: try TenantSlug("acme"), name: "Acme", status: .active, plan: "standard",
            seatLimit: 10, timeZone: "Asia/Shanghai", locale: .zhCN, placement: "shared",
            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
    }

    @Test(arguments: [
        TenantSettingsChange(),
        TenantSettingsChange(name: "精密设备演示公司"),
        TenantSettingsChange(name: "  Acme  "),
        TenantSettingsChange(timeZone: "Europe/London"),
        TenantSettingsChange(timeZone: "UTC"),
        TenantSettingsChange(locale: .en),
        TenantSettingsChange(name: "Acme", timeZone: "Asia/Shanghai", locale: .zhCN),
    ])
    func validChangePassesValidation(_ change: TenantSettingsChange) {
        #expect(validationError { try change.validate() } == nil)
    }

    @Test(arguments: [
        (TenantSettingsChange(name: ""), "name", "required"),
        (TenantSettingsChange(name: "   "), "name", "required"),
        (TenantSettingsChange(name: String(repeating: "x", count: 201)), "name", "too_long"),
        (TenantSettingsChange(name: "a\u{0}b"), "name", "invalid_characters"),
        (TenantSettingsChange(timeZone: "Mars/Base"), "time_zone", "invalid_time_zone"),
        (TenantSettingsChange(timeZone: ""), "time_zone", "invalid_time_zone"),
        (TenantSettingsChange(name: "", timeZone: "Mars/Base"), "name", "required"),
        (TenantSettingsChange(name: "Acme", timeZone: "Mars/Base", locale: .en), "time_zone", "invalid_time_zone"),
    ])
    func invalidChangeNamesTheFirstBadField(_ change: TenantSettingsChange, _ field: String, _ code: String) {
        let error = validationError { try change.validate() }
        #expect(error?.field == field)
        #expect(error?.code == code)
    }

    @Test func emptyChangeLeavesTenantUntouched() throws {
        let tenant = try Self.tenant()
        #expect(TenantSettingsChange().applied(to: tenant) == tenant)
    }

    @Test func changeAppliesEveryPresentFieldAndTrimsName() throws {
        // given
        let tenant = try Self.tenant()
        let change = TenantSettingsChange(name: "  精密设备 \n", timeZone: "Europe/London", locale: .en)
        // when
        let changed = change.applied(to: tenant)
        // then
        var expected = tenant
        expected.name = "精密设备"
        expected.timeZone = "Europe/London"
        expected.locale = .en
        #expect(changed == expected)
    }

    @Test(arguments: [
        TenantSettingsChange(name: "New name"),
        TenantSettingsChange(timeZone: "UTC"),
        TenantSettingsChange(locale: .en),
    ])
    func changeKeepsFieldsLeftNil(_ change: TenantSettingsChange) throws {
        // given
        let tenant = try Self.tenant()
        // when
        let changed = change.applied(to: tenant)
        // then
        #expect(changed.name == (change.name ?? tenant.name))
        #expect(changed.timeZone == (change.timeZone ?? tenant.timeZone))
        #expect(changed.locale == (change.locale ?? tenant.locale))
        #expect(changed.id == tenant.id)
        #expect(changed.slug == tenant.slug)
        #expect(changed.seatLimit == tenant.seatLimit)
        #expect(changed.updatedAt == tenant.updatedAt)
    }
}
