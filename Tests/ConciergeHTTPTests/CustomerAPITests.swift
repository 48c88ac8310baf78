import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Customers through the router, against the real database: create, list, search, identity
/// conflicts and validation.
@Suite struct CustomerAPITests {
    typealias Fixtures = CustomerAPIFixtures

    @Test func chineseNamesAreListedInPinyinOrderAcrossPages() async throws {
        try await withAPI { platform, client in
            // given customers whose names in code-point order differ from their pinyin order
            let token = try await platform.makeTenant().adminToken.secret
            for name in ["王小明", "张伟", "安娜", "陈晨", "欧阳", "李雷"] {
                _ = try await Fixtures.customer(client, token: token, #"{"name":"\#(name)"}"#)
            }
            // when listing two at a time
            var names: [String] = []
            var cursor: String?
            repeat {
                let page = try await client.call(
                    .get, "/api/v1/customers?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), token: token)
                #expect(page.status == .ok, "\(page.body)")
                names += Fixtures.values(page.body, "customers")
                cursor = page.body["next_cursor"] as? String
            } while cursor != nil
            // then they come in pinyin order: an, chen, li, ou, wang, zhang
            #expect(names == ["安娜", "陈晨", "李雷", "欧阳", "王小明", "张伟"])
            let bad = try await client.call(.get, "/api/v1/customers?cursor=garbage", token: token)
            #expect(bad.status == .badRequest && bad.body.errorField == "cursor")
        }
    }

    @Test func searchMatchesTheStartOfNameEmailOrPhone() async throws {
        try await withAPI { platform, client in
            // given three customers
            let token = try await platform.makeTenant().adminToken.secret
            _ = try await Fixtures.customer(
                client, token: token, #"{"name":"王小明","emails":["xiaoming@example.cn"],"phones":["+86 138-0013-8000"]}"#
            )
            _ = try await Fixtures.customer(client, token: token, #"{"name":"Wang Fang","emails":["fang@corp.cn"]}"#)
            _ = try await Fixtures.customer(
                client, token: token, #"{"name":"100% Support","phones":["021-6543-2100"]}"#)
            // when searching, then each query finds the customers it starts
            let cases: [(String, [String])] = [
                ("%E7%8E%8B", ["王小明"]),  // 王
                ("wang", ["Wang Fang"]),
                ("XIAOMING%40EX", ["王小明"]),  // email prefix, any case
                ("fang", ["Wang Fang"]),  // email prefix
                ("%2B86%20138", ["王小明"]),  // "+86 138": phone prefix typed with spaces
                ("0216543", ["100% Support"]),
                ("100%25", ["100% Support"]),  // a literal %
                ("%25", []),  // "%" is not a wildcard
                ("_", []),
                ("zhao", []),
            ]
            for (q, expected) in cases {
                let response = try await client.call(.get, "/api/v1/customers?q=\(q)", token: token)
                #expect(response.status == .ok)
                #expect(Fixtures.values(response.body, "customers") == expected, "q=\(q)")
            }
        }
    }

    @Test func anEmailOrPhoneOfAnotherCustomerIsRefusedWith409NamingTheField() async throws {
        try await withAPI { platform, client in
            // given a customer with an email and a phone
            let token = try await platform.makeTenant().adminToken.secret
            let first = try await Fixtures.customer(
                client, token: token, #"{"name":"李雷","emails":["lilei@example.cn"],"phones":["13800138000"]}"#)
            // when another customer claims the same email in another case
            let taken = try await client.call(
                .post, "/api/v1/customers", token: token,
                json: #"{"name":"韩梅梅","emails":["hmm@example.cn","LiLei@Example.cn"]}"#)
            // then 409 names the field and nothing was created
            #expect(taken.status == .conflict && taken.body.errorCode == "identity_taken")
            #expect(taken.body.errorField == "emails[1]")
            let all = try await client.call(.get, "/api/v1/customers", token: token)
            #expect(Fixtures.values(all.body, "customers") == ["李雷"])
            // and a change that adds the other's phone is refused too
            let second = try await Fixtures.customer(
                client, token: token, #"{"name":"韩梅梅","emails":["hmm@example.cn"]}"#)
            let path = "/api/v1/customers/\(second.string("id"))"
            let phone = try await client.call(.patch, path, token: token, json: #"{"phones":["138-0013-8000"]}"#)
            #expect(phone.status == .conflict && phone.body.errorField == "phones[0]")
            // once the first customer gives the email up, the second can take it
            let released = try await client.call(
                .patch, "/api/v1/customers/\(first.string("id"))", token: token, json: #"{"emails":[]}"#)
            #expect(released.status == .ok && (released.body.object("customer")["emails"] as? [String]) == [])
            let claimed = try await client.call(
                .patch, path, token: token, json: #"{"emails":["hmm@example.cn","lilei@example.cn"]}"#)
            #expect(claimed.status == .ok, "\(claimed.body)")
            // and a ticket from that address now belongs to the second customer
            let ticket = try await Fixtures.ticket(client, token: token, email: "lilei@example.cn")
            #expect(ticket.string("requester_id") == second.string("id"))
        }
    }

    @Test func createReadAndChangeKeepEveryField() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // given a customer with every field
            let created = try await client.call(
                .post, "/api/v1/customers", token: token,
                json: #"""
                    {"name":" 王小明 ","emails":["Wang@Example.cn"],"phones":["+86 138 0013 8000"],
                     "external_ids":{"crm":"C-1042","erp":"K-7"},"tier":"vip","tags":["VIP","大客户"],"locale":"zh-CN",
                     "attributes":{"purchaseOrder":"PO-1","seats":12}}
                    """#)
            #expect(created.status == .created, "\(created.body)")
            let id = created.body.object("customer").string("id")
            #expect(created.headers[.location] == "/api/v1/customers/\(id)")
            // when read back
            let read = try await client.call(.get, "/api/v1/customers/\(id)", token: token)
            let customer = read.body.object("customer")
            // then it is normalised and complete (attribute keys are kept as sent)
            #expect(customer.string("name") == "王小明")
            #expect(customer["emails"] as? [String] == ["wang@example.cn"])
            #expect(customer["phones"] as? [String] == ["+8613800138000"])
            #expect(customer["external_ids"] as? [String: String] == ["crm": "C-1042", "erp": "K-7"])
            #expect(customer.string("tier") == "vip" && customer["tags"] as? [String] == ["vip", "大客户"])
            #expect(customer.string("locale") == "zh-CN")
            #expect(customer.object("attributes")["purchaseOrder"] as? String == "PO-1")
            // and a change touches only the fields sent; null clears the locale
            let changed = try await client.call(
                .patch, "/api/v1/customers/\(id)", token: token, json: #"{"tier":"standard","locale":null}"#)
            let after = changed.body.object("customer")
            #expect(after.string("tier") == "standard" && after["locale"] == nil)
            #expect(after["emails"] as? [String] == ["wang@example.cn"])
            let audit = try await client.call(.get, "/api/v1/audit-events?subject_type=customer", token: token)
            #expect(Fixtures.values(audit.body, "audit_events", "type") == ["customer.updated", "customer.created"])
        }
    }

    @Test func validationErrorsNameTheField() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let cases: [(String, String)] = [
                (#"{"emails":["a@example.cn"]}"#, "name"),
                (#"{"name":"A","emails":["a@example.cn","nope"]}"#, "emails[1]"),
                (#"{"name":"A","phones":["call me"]}"#, "phones[0]"),
                (#"{"name":"A","tier":"Gold Plus"}"#, "tier"),
                (#"{"name":"A","tags":["ok","a,b"]}"#, "tags[1]"),
                (#"{"name":"A","external_ids":{"CRM":"1"}}"#, "external_ids.CRM"),
                (#"{"name":"A","locale":"fr"}"#, "locale"),
                (#"{"name":"A","emails":"a@example.cn"}"#, "emails"),
                (#"{"name":"A","organization_id":"0f8e4c1a-5b7d-4e2f-9c3a-1d2b3c4d5e6f"}"#, "organization_id"),
            ]
            for (json, field) in cases {
                let response = try await client.call(.post, "/api/v1/customers", token: token, json: json)
                #expect(response.status == .badRequest, "\(json)")
                #expect(response.body.errorField == field, "\(json): \(response.body)")
            }
            let badLimit = try await client.call(.get, "/api/v1/customers?limit=0", token: token)
            #expect(badLimit.status == .badRequest && badLimit.body.errorField == "limit")
            let badFilter = try await client.call(.get, "/api/v1/customers?organization_id=x", token: token)
            #expect(badFilter.status == .badRequest && badFilter.body.errorField == "organization_id")
        }
    }

    @Test func aRoleWithoutCustomerPermissionsIsRefused() async throws {
        try await withAPI { platform, client in
            let tenant = try await platform.makeTenant()
            let light = try await platform.tokens.issue(
                name: "light", role: .lightAgent, grantedBy: .admin, actor: .system("t"), tenant: tenant.tenant.id)
            for (method, path) in [
                (HTTPRequest.Method.get, "/api/v1/customers"), (.post, "/api/v1/customers"),
                (.get, "/api/v1/organizations"),
                (.post, "/api/v1/assets"),
            ] {
                let response = try await client.call(
                    method, path, token: light.secret, json: method == .post ? "{}" : nil)
                #expect(response.status == .forbidden, "\(method) \(path)")
            }
        }
    }
}
