import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every customer, organization and asset endpoint that takes an id answers 404 when tenant
/// A's credential names tenant B's record, and B's records stay untouched.
@Suite struct CustomerCrossTenantTests {
    typealias Fixtures = CustomerAPIFixtures

    @Test func everyDirectoryEndpointAnswers404ForAnotherTenantsIDs() async throws {
        try await withAPI { platform, client in
            // given tenant B's organization, customer and asset, and one customer of A
            let tokenA = try await platform.makeTenant().adminToken.secret
            let tokenB = try await platform.makeTenant().adminToken.secret
            let orgB = try await Fixtures.organization(client, token: tokenB, #"{"name":"B org","domains":["b.cn"]}"#)
            let customerB = try await Fixtures.customer(client, token: tokenB, #"{"name":"B","emails":["b@b.cn"]}"#)
            let assetB = try await Fixtures.asset(client, token: tokenB, #"{"serial_number":"SN-B"}"#)
            let customerA = try await Fixtures.customer(client, token: tokenA, #"{"name":"A"}"#)
            let (c, o, s) = (customerB.string("id"), orgB.string("id"), assetB.string("id"))
            let requests: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/v1/customers/\(c)", nil),
                (.patch, "/api/v1/customers/\(c)", #"{"name":"hijacked"}"#),
                (.get, "/api/v1/customers/\(c)/360", nil),
                (.post, "/api/v1/customers/\(c)/merge", #"{"source_id":"\#(customerA.string("id"))"}"#),
                (.post, "/api/v1/customers/\(customerA.string("id"))/merge", #"{"source_id":"\#(c)"}"#),
                (.get, "/api/v1/organizations/\(o)", nil),
                (.patch, "/api/v1/organizations/\(o)", #"{"name":"hijacked"}"#),
                (.delete, "/api/v1/organizations/\(o)", nil),
                (.get, "/api/v1/assets/\(s)", nil),
                (.patch, "/api/v1/assets/\(s)", #"{"model":"hijacked"}"#),
                (.delete, "/api/v1/assets/\(s)", nil),
            ]
            // when A calls each of them, then each answers 404 with the envelope
            for (method, path, body) in requests {
                let response = try await client.call(method, path, token: tokenA, json: body)
                #expect(response.status == .notFound, "\(method) \(path)")
                #expect(response.body.errorCode == "not_found", "\(method) \(path)")
            }
            // and A cannot point its records at B's, nor take B's identities or domains as conflicts
            let pointing = try await client.call(
                .post, "/api/v1/assets", token: tokenA, json: #"{"serial_number":"SN-A","customer_id":"\#(c)"}"#)
            #expect(pointing.status == .badRequest && pointing.body.errorField == "customer_id")
            let sameEmail = try await client.call(
                .post, "/api/v1/customers", token: tokenA, json: #"{"name":"A2","emails":["b@b.cn"]}"#)
            #expect(sameEmail.status == .created)
            #expect(sameEmail.body.object("customer")["organization_id"] == nil)
            let sameDomain = try await client.call(
                .post, "/api/v1/organizations", token: tokenA, json: #"{"name":"A org","domains":["b.cn"]}"#)
            #expect(sameDomain.status == .created)
            let sameSerial = try await client.call(
                .post, "/api/v1/assets", token: tokenA, json: #"{"serial_number":"SN-B"}"#)
            #expect(sameSerial.status == .created)
            // and A's lists and lookups never show B's rows
            let customers = try await client.call(.get, "/api/v1/customers?q=b", token: tokenA)
            #expect(
                Fixtures.values(customers.body, "customers", "id") == [sameEmail.body.object("customer").string("id")])
            let bySerial = try await client.call(.get, "/api/v1/assets?serial_number=SN-B", token: tokenA)
            #expect(Fixtures.values(bySerial.body, "assets", "id") == [sameSerial.body.object("asset").string("id")])
            // and B's records are unchanged
            let stillB = try await client.call(.get, "/api/v1/customers/\(c)", token: tokenB)
            #expect(stillB.body.object("customer").string("name") == "B")
            #expect(try await client.call(.get, "/api/v1/organizations/\(o)", token: tokenB).status == .ok)
            let assetStill = try await client.call(.get, "/api/v1/assets/\(s)", token: tokenB)
            #expect(assetStill.body.object("asset").string("model") == "")
        }
    }
}
