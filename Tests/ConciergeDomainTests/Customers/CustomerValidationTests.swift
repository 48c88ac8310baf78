import ConciergeDomain
import Foundation
import Testing

@Suite("Customer validation")
struct CustomerValidationTests {
    static let at = Date(timeIntervalSince1970: 1_700_000_000)

    static func customer(
        name: String = "王小明", emails: [String] = [], phones: [String] = [], tier: String = "standard",
        tags: [String] = [], externalIDs: [String: String] = [:]
    ) -> Customer {
        Customer(
            id: CustomerID(), tenantID: TenantID("00000000-0000-0000-0000-0000000000e1")!, name: name, emails: emails,
            phones: phones, externalIDs: externalIDs, tier: tier, tags: tags, createdAt: at, updatedAt: at)
    }

    @Test func emailsAndPhonesAreNormalisedAndListedOnce() throws {
        // given the same address in two spellings and the same number in two formats
        let customer = Self.customer(
            emails: ["Wang@Example.cn", " wang@example.cn ", "w@corp.cn"],
            phones: ["+86 138-0013-8000", "+8613800138000"])
        // when validated
        let valid = try customer.validated()
        // then each identity appears once, normalised
        #expect(valid.emails == ["wang@example.cn", "w@corp.cn"])
        #expect(valid.phones == ["+8613800138000"])
    }

    @Test(arguments: [
        (Self.customer(name: ""), "name", "required"),
        (Self.customer(emails: ["ok@example.cn", "not-an-email"]), "emails[1]", "invalid_email"),
        (Self.customer(phones: ["abc"]), "phones[0]", "invalid_phone"),
        (Self.customer(tier: "Gold Plus"), "tier", "invalid_key"),
        (Self.customer(tags: ["ok", "a,b"]), "tags[1]", "invalid_tag"),
        (Self.customer(externalIDs: ["crm": ""]), "external_ids.crm", "invalid_external_id"),
        (Self.customer(emails: (0...20).map { "u\($0)@example.cn" }), "emails", "too_many"),
    ])
    func brokenFieldsAreNamed(_ customer: Customer, _ field: String, _ code: String) {
        let error = validationError { try customer.validated() }
        #expect(error?.field == field)
        #expect(error?.code == code)
    }

    @Test func tagsAreNormalisedLikeTicketTags() throws {
        #expect(try Self.customer(tags: ["VIP", "大客户", "vip"]).validated().tags == ["vip", "大客户"])
    }
}
