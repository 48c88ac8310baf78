import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Another tenant's token sees nothing of a tenant's calendars, rules, routing, presence and
/// surveys, and changes nothing.
@Suite struct RuleAndRoutingCrossTenantTests {
    @Test func aTenantsRulesRoutingAndPresenceAreInvisibleToAnother() async throws {
        try await withAPI { platform, client in
            let a = try await platform.makeTenant()
            let b = try await platform.makeTenant().adminToken.secret
            let tokenA = a.adminToken.secret
            let group = try await platform.groups.create(
                .init(key: "service", name: "服务"), actor: .system("t"), tenant: a.tenant.id)
            let user = try await platform.users.create(
                .init(email: "li@example.com", name: "李", role: .agent), grantedBy: .owner, actor: .system("t"),
                tenant: a.tenant.id)
            _ = try await client.call(
                .put, "/api/v1/triggers/vip", token: tokenA,
                json:
                    #"{"title":{"zh_cn":"x","en":"x"},"events":["ticket_created"],"conditions":{"all":[]},"actions":[{"action":"add_tags","value":["x"]}]}"#
            )
            _ = try await client.call(
                .put, "/api/v1/business-calendars/default", token: tokenA,
                json: #"{"weekly":{"mon":[["09:00","18:00"]]}}"#)
            // B lists nothing of A's
            for (path, key) in [("/api/v1/triggers", "triggers"), ("/api/v1/business-calendars", "business_calendars")]
            {
                let listed = try await client.call(.get, path, token: b)
                #expect((listed.body[key] as? [Any])?.isEmpty == true, "\(path)")
            }
            // and cannot read or change A's routing, presence or rules
            #expect(try await client.call(.get, "/api/v1/groups/\(group.id)/routing", token: b).status == .notFound)
            #expect(
                try await client.call(
                    .put, "/api/v1/groups/\(group.id)/routing", token: b, json: #"{"method":"round_robin"}"#
                ).status == .notFound)
            #expect(
                try await client.call(
                    .put, "/api/v1/users/\(user.id)/presence", token: b, json: #"{"availability":"online"}"#
                ).status == .notFound)
            #expect(try await client.call(.delete, "/api/v1/triggers/vip", token: b).status == .notFound)
            // A's own view is unchanged
            let routing = try await client.call(.get, "/api/v1/groups/\(group.id)/routing", token: tokenA)
            #expect(routing.body.object("routing")["method"] as? String == "manual")
            #expect(
                (try await client.call(.get, "/api/v1/triggers", token: tokenA).body["triggers"] as? [Any])?.count == 1)
        }
    }
}
