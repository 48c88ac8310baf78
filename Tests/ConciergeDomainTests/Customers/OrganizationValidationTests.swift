import ConciergeDomain
import Foundation
import Testing

@Suite("Organization validation")
struct OrganizationValidationTests {
    static let tenant = TenantID("00000000-0000-0000-0000-0000000000e1")!
    static let at = Date(timeIntervalSince1970: 1_700_000_000)

    static func organization(
        name: String = "华为技术有限公司", domains: [String] = [], tier: String = "vip",
        externalIDs: [String: String] = [:], notes: String = ""
    ) -> Organization {
        Organization(
            id: OrganizationID(), tenantID: tenant, name: name, domains: domains, tier: tier, externalIDs: externalIDs,
            notes: notes, createdAt: at, updatedAt: at)
    }

    @Test func domainsAreTrimmedLowercasedAndListedOnce() throws {
        // given domains typed with mixed case, spaces, a trailing dot and a repeat
        let organization = Self.organization(domains: [" Example.CN ", "example.cn.", "mail.example.com"])
        // when validated
        let valid = try organization.validated()
        // then each appears once, normalised, in the order given
        #expect(valid.domains == ["example.cn", "mail.example.com"])
        #expect(valid.name == "华为技术有限公司")
    }

    @Test(arguments: [
        "", "localhost", "example", "-example.cn", "example-.cn", "exa mple.cn", "example..cn", "例子.中国",
        "user@example.cn", "example.cn/path", "192.168.1.1", String(repeating: "a", count: 64) + ".cn",
    ])
    func somethingThatIsNotAHostnameIsRefusedNamingItsPosition(_ domain: String) {
        let error = validationError { try Self.organization(domains: ["good.cn", domain]).validated() }
        #expect(error?.field == "domains[1]")
        #expect(error?.code == "invalid_domain")
    }

    @Test(arguments: ["xn--fiqs8s.xn--fiqz9s", "a.b", "sub-domain.example.com.cn", "123.example.cn"])
    func hostnamesIncludingPunycodeAreAccepted(_ domain: String) throws {
        #expect(try Self.organization(domains: [domain]).validated().domains == [domain])
    }

    @Test func tooManyDomainsAreRefused() {
        let domains = (0...Organization.maxDomains).map { "d\($0).example.cn" }
        #expect(validationError { try Self.organization(domains: domains).validated() }?.field == "domains")
    }

    @Test(arguments: [
        (Self.organization(name: "  "), "name", "required"),
        (Self.organization(tier: "VIP"), "tier", "invalid_key"),
        (Self.organization(externalIDs: ["ERP": "K-1"]), "external_ids.ERP", "invalid_key"),
        (Self.organization(externalIDs: ["erp": "  "]), "external_ids.erp", "invalid_external_id"),
        (Self.organization(notes: String(repeating: "字", count: 10_001)), "notes", "too_long"),
    ])
    func brokenFieldsAreNamed(_ organization: Organization, _ field: String, _ code: String) {
        let error = validationError { try organization.validated() }
        #expect(error?.field == field)
        #expect(error?.code == code)
    }

    @Test func externalIDsAreTrimmed() throws {
        let valid = try Self.organization(externalIDs: ["erp": "  K-20931 "]).validated()
        #expect(valid.externalIDs == ["erp": "K-20931"])
    }
}
