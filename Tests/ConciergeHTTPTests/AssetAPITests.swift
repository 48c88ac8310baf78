import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Assets and devices through the router: found by serial number, customer or organization.
@Suite struct AssetAPITests {
    typealias Fixtures = CustomerAPIFixtures

    @Test func assetsAreFoundBySerialNumberCustomerAndOrganization() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // given an organization, a customer in it and three assets
            let org = try await Fixtures.organization(client, token: token, #"{"name":"Acme","domains":["acme.cn"]}"#)
            let customer = try await Fixtures.customer(client, token: token, #"{"name":"李","emails":["li@acme.cn"]}"#)
            let printer = try await Fixtures.asset(
                client, token: token,
                #"""
                {"serial_number":" SN-0002 ","model":"LaserJet M404","customer_id":"\#(customer.string("id"))",
                 "region":"华东","installed_on":"2024-02-29","warranty_ends_on":"2027-02-28","attributes":{"floor":3}}
                """#)
            _ = try await Fixtures.asset(
                client, token: token, #"{"serial_number":"SN-0001","organization_id":"\#(org.string("id"))"}"#)
            _ = try await Fixtures.asset(client, token: token, #"{"serial_number":"SN-0003"}"#)
            // then the customer's asset took the customer's organization, and fields round-trip
            #expect(printer.string("serial_number") == "SN-0002")
            #expect(printer.string("organization_id") == org.string("id"))
            #expect(
                printer.string("installed_on") == "2024-02-29" && printer.string("warranty_ends_on") == "2027-02-28")
            // and lookups find them
            let bySerial = try await client.call(.get, "/api/v1/assets?serial_number=SN-0002", token: token)
            #expect(Fixtures.values(bySerial.body, "assets", "id") == [printer.string("id")])
            let byCustomer = try await client.call(
                .get, "/api/v1/assets?customer_id=\(customer.string("id"))", token: token)
            #expect(Fixtures.values(byCustomer.body, "assets", "serial_number") == ["SN-0002"])
            let byOrg = try await client.call(.get, "/api/v1/assets?organization_id=\(org.string("id"))", token: token)
            #expect(Fixtures.values(byOrg.body, "assets", "serial_number") == ["SN-0001", "SN-0002"])
            let page = try await client.call(.get, "/api/v1/assets?limit=2", token: token)
            let rest = try await client.call(
                .get, "/api/v1/assets?limit=2&cursor=\(page.body.string("next_cursor"))", token: token)
            #expect(
                Fixtures.values(page.body, "assets", "serial_number")
                    + Fixtures.values(rest.body, "assets", "serial_number")
                    == ["SN-0001", "SN-0002", "SN-0003"])
            let none = try await client.call(.get, "/api/v1/assets?serial_number=SN-9", token: token)
            #expect(none.status == .ok && (none.body["assets"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func duplicateSerialNumbersAndBadFieldsAreRefusedNamingTheField() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let first = try await Fixtures.asset(client, token: token, #"{"serial_number":"SN-1"}"#)
            let second = try await Fixtures.asset(client, token: token, #"{"serial_number":"SN-2"}"#)
            let duplicate = try await client.call(
                .post, "/api/v1/assets", token: token, json: #"{"serial_number":" SN-1"}"#)
            #expect(duplicate.status == .conflict && duplicate.body.errorCode == "serial_number_taken")
            #expect(duplicate.body.errorField == "serial_number")
            let renamed = try await client.call(
                .patch, "/api/v1/assets/\(second.string("id"))", token: token, json: #"{"serial_number":"SN-1"}"#)
            #expect(renamed.status == .conflict && renamed.body.errorField == "serial_number")
            let cases: [(String, String)] = [
                (#"{"model":"X"}"#, "serial_number"),
                (#"{"serial_number":"SN-3","installed_on":"2023-02-29"}"#, "installed_on"),
                (
                    #"{"serial_number":"SN-3","installed_on":"2024-05-01","warranty_ends_on":"2024-04-01"}"#,
                    "warranty_ends_on"
                ),
                (#"{"serial_number":"SN-3","customer_id":"0f8e4c1a-5b7d-4e2f-9c3a-1d2b3c4d5e6f"}"#, "customer_id"),
                (
                    #"{"serial_number":"SN-3","organization_id":"0f8e4c1a-5b7d-4e2f-9c3a-1d2b3c4d5e6f"}"#,
                    "organization_id"
                ),
                (#"{"serial_number":"SN-3","customer_id":"nope"}"#, "customer_id"),
            ]
            for (json, field) in cases {
                let response = try await client.call(.post, "/api/v1/assets", token: token, json: json)
                #expect(
                    response.status == .badRequest && response.body.errorField == field, "\(json): \(response.body)")
            }
            // null clears a date; deleting answers 204 and then 404
            let path = "/api/v1/assets/\(first.string("id"))"
            _ = try await client.call(.patch, path, token: token, json: #"{"warranty_ends_on":"2030-01-01"}"#)
            let cleared = try await client.call(
                .patch, path, token: token, json: #"{"warranty_ends_on":null,"region":"华南"}"#)
            #expect(cleared.body.object("asset")["warranty_ends_on"] == nil)
            #expect(cleared.body.object("asset").string("region") == "华南")
            #expect(try await client.call(.delete, path, token: token).status == .noContent)
            #expect(try await client.call(.get, path, token: token).status == .notFound)
        }
    }
}
