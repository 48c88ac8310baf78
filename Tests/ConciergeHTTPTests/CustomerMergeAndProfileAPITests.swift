import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Merging customers and the customer 360, through the router.
@Suite struct CustomerMergeAndProfileAPITests {
    typealias Fixtures = CustomerAPIFixtures

    @Test func mergeMovesTicketsIdentitiesAndAssetsAndRemovesTheSource() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // given the same person known twice: by email, and by another email and a phone
            let target = try await Fixtures.customer(
                client, token: token, #"{"name":"王小明","emails":["wang@example.cn"],"tags":["vip"]}"#)
            let source = try await Fixtures.customer(
                client, token: token,
                #"{"name":"小明","emails":["xm@qq.com"],"phones":["13800138000"],"tags":["wechat"],"locale":"zh-CN"}"#)
            let targetTicket = try await Fixtures.ticket(client, token: token, email: "wang@example.cn")
            let sourceTicket = try await Fixtures.ticket(client, token: token, email: "xm@qq.com")
            let asset = try await Fixtures.asset(
                client, token: token, #"{"serial_number":"SN-M","customer_id":"\#(source.string("id"))"}"#)
            let sourcePath = "/api/v1/customers/\(source.string("id"))"
            let mergePath = "/api/v1/customers/\(target.string("id"))/merge"
            // when the second is merged into the first
            let merged = try await client.call(
                .post, mergePath, token: token, json: #"{"source_id":"\#(source.string("id"))"}"#)
            // then the target holds both identities, united tags and the source's locale
            #expect(merged.status == .ok, "\(merged.body)")
            let customer = merged.body.object("customer")
            #expect(customer["emails"] as? [String] == ["wang@example.cn", "xm@qq.com"])
            #expect(customer["phones"] as? [String] == ["13800138000"])
            #expect(customer["tags"] as? [String] == ["vip", "wechat"] && customer.string("locale") == "zh-CN")
            // and the source is gone
            #expect(try await client.call(.get, sourcePath, token: token).status == .notFound)
            // and its ticket and asset now belong to the target
            let moved = try await client.call(.get, "/api/v1/tickets/\(sourceTicket.string("id"))", token: token)
            #expect(moved.body.object("ticket").string("requester_id") == target.string("id"))
            let movedAsset = try await client.call(.get, "/api/v1/assets/\(asset.string("id"))", token: token)
            #expect(movedAsset.body.object("asset").string("customer_id") == target.string("id"))
            // and the source's phone and email now match the target on intake
            let byPhone = try await client.call(
                .post, "/api/v1/tickets", token: token,
                json: #"{"subject":"电话","description":"来电","requester":{"phone":"138 0013 8000"}}"#)
            #expect(byPhone.body.object("ticket").string("requester_id") == target.string("id"))
            let list = try await client.call(.get, "/api/v1/tickets?requester_id=\(target.string("id"))", token: token)
            #expect(
                Set(Fixtures.values(list.body, "tickets", "id")).isSuperset(of: [
                    targetTicket.string("id"), sourceTicket.string("id"),
                ]))
            // and one event records the merge
            let audit = try await client.call(
                .get, "/api/v1/audit-events?subject_type=customer&subject_id=\(target.string("id"))", token: token)
            #expect(Fixtures.values(audit.body, "audit_events", "type") == ["customer.merged", "customer.created"])
            // and merging again, or into itself, is refused
            let again = try await client.call(
                .post, mergePath, token: token, json: #"{"source_id":"\#(source.string("id"))"}"#)
            #expect(again.status == .notFound)
            let itself = try await client.call(
                .post, mergePath, token: token, json: #"{"source_id":"\#(target.string("id"))"}"#)
            #expect(itself.status == .badRequest && itself.body.errorField == "source_id")
            let missing = try await client.call(.post, mergePath, token: token, json: #"{}"#)
            #expect(missing.status == .badRequest && missing.body.errorField == "source_id")
        }
    }

    @Test func profile360ShowsOrganizationAssetsRecentTicketsAndCountsByStatus() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // given a customer of an organization with assets and tickets, and someone else's ticket
            let org = try await Fixtures.organization(
                client, token: token, #"{"name":"Acme","domains":["acme.cn"],"tier":"vip"}"#)
            let customer = try await Fixtures.customer(client, token: token, #"{"name":"李","emails":["li@acme.cn"]}"#)
            let id = customer.string("id")
            _ = try await Fixtures.asset(client, token: token, #"{"serial_number":"SN-OWN","customer_id":"\#(id)"}"#)
            _ = try await Fixtures.asset(
                client, token: token, #"{"serial_number":"SN-ORG","organization_id":"\#(org.string("id"))"}"#)
            _ = try await Fixtures.asset(client, token: token, #"{"serial_number":"SN-ELSE"}"#)
            var opened: [String] = []
            for index in 1...22 {
                opened.append(
                    try await Fixtures.ticket(client, token: token, email: "li@acme.cn", subject: "问题 \(index)").string(
                        "id"))
            }
            let solved = try await client.call(
                .patch, "/api/v1/tickets/\(opened[0])", token: token, json: #"{"status":"solved"}"#)
            #expect(solved.status == .ok)
            _ = try await Fixtures.ticket(client, token: token, email: "other@example.cn")
            // when the 360 is read
            let response = try await client.call(.get, "/api/v1/customers/\(id)/360", token: token)
            // then it shows the profile, the organization and the related assets
            #expect(response.status == .ok, "\(response.body)")
            let body = response.body
            #expect(body.object("customer").string("id") == id)
            #expect(body.object("organization").string("tier") == "vip")
            #expect(Fixtures.values(body, "assets", "serial_number") == ["SN-ORG", "SN-OWN"])
            // and the 20 newest of the customer's tickets, newest first
            let tickets = Fixtures.values(body, "tickets", "id")
            #expect(tickets == Array(opened.reversed().prefix(20)))
            #expect(
                ((body["tickets"] as? [[String: Any]])?.first?["requester"] as? [String: Any])?["name"] as? String
                    == "李")
            // and counts for every status
            #expect(
                body["ticket_counts"] as? [String: Int] == [
                    "new": 21, "open": 0, "pending": 0, "on_hold": 0, "solved": 1, "closed": 0,
                ])
            // and the satisfaction history (no survey sent yet)
            #expect((body["satisfaction"] as? [Any])?.isEmpty == true)
        }
    }
}
