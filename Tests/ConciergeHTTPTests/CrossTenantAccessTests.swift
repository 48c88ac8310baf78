import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every `/api/v1` endpoint that takes an id answers 404 when tenant A's credential names
/// tenant B's resource — and B's resource is left untouched.
@Suite struct CrossTenantAccessTests {
    @Test func everyEndpointAnswers404ForAnotherTenantsIDs() async throws {
        try await withAPI { platform, client in
            // given tenant B's user, group and token
            let a = try await platform.makeTenant()
            let b = try await platform.makeTenant()
            let tokenA = a.adminToken.secret
            let userB = try await platform.users.create(
                .init(email: "b@example.com", name: "B", role: .agent), grantedBy: .owner, actor: .system("t"),
                tenant: b.tenant.id)
            let groupB = try await platform.groups.create(
                .init(key: "b-team", name: "B team"), actor: .system("t"), tenant: b.tenant.id)
            let tokenB = b.adminToken.token.id
            let requests: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/v1/users/\(userB.id)", nil),
                (.patch, "/api/v1/users/\(userB.id)", #"{"name":"hijacked"}"#),
                (.get, "/api/v1/groups/\(groupB.id)", nil),
                (.patch, "/api/v1/groups/\(groupB.id)", #"{"name":"hijacked"}"#),
                (.delete, "/api/v1/groups/\(groupB.id)", nil),
                (.delete, "/api/v1/api-tokens/\(tokenB)", nil),
            ]
            // when A calls each of them
            for (method, path, body) in requests {
                let response = try await client.call(method, path, token: tokenA, json: body)
                // then each answers 404 with the envelope
                #expect(response.status == .notFound, "\(method) \(path)")
                #expect(response.body.errorCode == "not_found", "\(method) \(path)")
            }
            // and B's data is unchanged
            #expect(try await platform.users.get(userB.id, tenant: b.tenant.id).name == "B")
            #expect(try await platform.groups.get(groupB.id, tenant: b.tenant.id).name == "B team")
            let bStillWorks = try await client.call(.get, "/api/v1/me", token: b.adminToken.secret)
            #expect(bStillWorks.status == .ok)
            // and A's lists never show B's rows
            let users = try await client.call(.get, "/api/v1/users", token: tokenA)
            #expect((users.body["users"] as? [Any])?.isEmpty == true)
            let tokens = try await client.call(.get, "/api/v1/api-tokens", token: tokenA)
            #expect((tokens.body["api_tokens"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func tenantInTheBodyIsIgnored() async throws {
        try await withAPI { platform, client in
            let a = try await platform.makeTenant()
            let b = try await platform.makeTenant()
            let created = try await client.call(
                .post, "/api/v1/groups", token: a.adminToken.secret,
                json: #"{"key":"x","name":"X","tenant_id":"\#(b.tenant.id)"}"#)
            #expect(created.status == .created)
            #expect(try await platform.groups.list(tenant: b.tenant.id).isEmpty)
            #expect(try await platform.groups.list(tenant: a.tenant.id).count == 1)
        }
    }
}
