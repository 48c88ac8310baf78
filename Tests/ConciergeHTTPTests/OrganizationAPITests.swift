import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Organizations and auto-association by email domain, through the router.
@Suite struct OrganizationAPITests {
    typealias Fixtures = CustomerAPIFixtures

    @Test func customersAndTicketRequestersJoinTheOrganizationOwningTheirEmailDomain() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // given a customer at acme.cn who exists before the organization does
            let early = try await Fixtures.customer(client, token: token, #"{"name":"早","emails":["early@acme.cn"]}"#)
            #expect(early["organization_id"] == nil)
            // when the organization is created with that domain (typed in capitals)
            let acme = try await Fixtures.organization(
                client, token: token, #"{"name":"艾克米科技","domains":["ACME.cn","acme-group.com"],"tier":"vip"}"#)
            let acmeID = acme.string("id")
            #expect(acme["domains"] as? [String] == ["acme.cn", "acme-group.com"])
            // then the existing customer joined it
            let earlyAfter = try await client.call(.get, "/api/v1/customers/\(early.string("id"))", token: token)
            #expect(earlyAfter.body.object("customer").string("organization_id") == acmeID)
            // and a new customer at the domain joins it, unless an organization is given explicitly
            let joined = try await Fixtures.customer(client, token: token, #"{"name":"李","emails":["li@Acme.CN"]}"#)
            #expect(joined.string("organization_id") == acmeID)
            let independent = try await Fixtures.customer(
                client, token: token, #"{"name":"独立","emails":["solo@acme.cn"],"organization_id":null}"#)
            #expect(independent["organization_id"] == nil)
            // and a ticket opened by a new contact at the domain carries the organization
            let ticket = try await Fixtures.ticket(client, token: token, email: "new.contact@acme-group.com")
            #expect(ticket.string("organization_id") == acmeID)
            // and the customer list filters by organization
            let members = try await client.call(.get, "/api/v1/customers?organization_id=\(acmeID)", token: token)
            #expect(Set(Fixtures.values(members.body, "customers")) == ["早", "李", "new.contact"])
        }
    }

    @Test func aDomainOfAnotherOrganizationIsRefusedWith409() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // given an organization owning acme.cn
            _ = try await Fixtures.organization(client, token: token, #"{"name":"Acme","domains":["acme.cn"]}"#)
            let other = try await Fixtures.organization(client, token: token, #"{"name":"Beta","domains":["beta.cn"]}"#)
            // when another organization claims it, on create or on change
            let create = try await client.call(
                .post, "/api/v1/organizations", token: token, json: #"{"name":"Copy","domains":["copy.cn","ACME.CN"]}"#)
            let change = try await client.call(
                .patch, "/api/v1/organizations/\(other.string("id"))", token: token, json: #"{"domains":["acme.cn"]}"#)
            // then both answer 409 naming the domain's position
            #expect(create.status == .conflict && create.body.errorCode == "domain_taken")
            #expect(create.body.errorField == "domains[1]")
            #expect(change.status == .conflict && change.body.errorField == "domains[0]")
            // and the other organization kept its domain; giving it up frees it
            let kept = try await client.call(.get, "/api/v1/organizations/\(other.string("id"))", token: token)
            #expect(kept.body.object("organization")["domains"] as? [String] == ["beta.cn"])
            let emptied = try await client.call(
                .patch, "/api/v1/organizations/\(other.string("id"))", token: token, json: #"{"domains":[]}"#)
            #expect(emptied.status == .ok)
            let reused = try await client.call(
                .post, "/api/v1/organizations", token: token, json: #"{"name":"Beta 2","domains":["beta.cn"]}"#)
            #expect(reused.status == .created, "\(reused.body)")
        }
    }

    @Test func organizationsAreListedSearchedChangedAndDeleted() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            for name in ["腾讯", "阿里巴巴", "百度"] {
                _ = try await Fixtures.organization(client, token: token, #"{"name":"\#(name)"}"#)
            }
            let acme = try await Fixtures.organization(client, token: token, #"{"name":"中兴","domains":["zte.com.cn"]}"#)
            let path = "/api/v1/organizations/\(acme.string("id"))"
            // pinyin order: alibaba, baidu, tengxun, zhongxing
            let all = try await client.call(.get, "/api/v1/organizations?limit=3", token: token)
            #expect(Fixtures.values(all.body, "organizations") == ["阿里巴巴", "百度", "腾讯"])
            let next = try await client.call(
                .get, "/api/v1/organizations?limit=3&cursor=\(all.body.string("next_cursor"))", token: token)
            #expect(Fixtures.values(next.body, "organizations") == ["中兴"] && next.body["next_cursor"] is NSNull)
            let byDomain = try await client.call(.get, "/api/v1/organizations?q=ZTE.com.cn", token: token)
            #expect(Fixtures.values(byDomain.body, "organizations") == ["中兴"])
            // a change keeps the fields not sent; a bad field is named
            let changed = try await client.call(
                .patch, path, token: token, json: #"{"notes":"重点客户","external_ids":{"erp":"K-1"}}"#)
            #expect(changed.body.object("organization").string("notes") == "重点客户")
            #expect(changed.body.object("organization")["domains"] as? [String] == ["zte.com.cn"])
            let bad = try await client.call(.patch, path, token: token, json: #"{"domains":["not a domain"]}"#)
            #expect(bad.status == .badRequest && bad.body.errorField == "domains[0]")
            let badTier = try await client.call(
                .post, "/api/v1/organizations", token: token, json: #"{"name":"X","tier":"VIP!"}"#)
            #expect(badTier.status == .badRequest && badTier.body.errorField == "tier")
            // deleting keeps its customers, without an organization
            let member = try await Fixtures.customer(client, token: token, #"{"name":"员工","emails":["a@zte.com.cn"]}"#)
            #expect(member.string("organization_id") == acme.string("id"))
            #expect(try await client.call(.delete, path, token: token).status == .noContent)
            #expect(try await client.call(.get, path, token: token).status == .notFound)
            #expect(try await client.call(.delete, path, token: token).status == .notFound)
            let orphan = try await client.call(.get, "/api/v1/customers/\(member.string("id"))", token: token)
            #expect(orphan.status == .ok && orphan.body.object("customer")["organization_id"] == nil)
        }
    }
}
