import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The shortcuts of the ticket creation path (configuration kept in memory, the token and the
/// tenant's status read together) never serve a stale answer.
@Suite struct TicketCreationPathTests {
    static let base = #""subject":"设备故障","description":"机器不转","requester":{"email":"a@b.cn"}"#

    @Test func aFieldChangedAfterTicketsWereCreatedAppliesToTheVeryNextCreate() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // given a ticket created, so the process holds the tenant's (empty) configuration
            let first = try await client.call(.post, "/api/v1/tickets", token: token, json: "{\(Self.base)}")
            #expect(first.status == .created)
            // when a field required on create is added
            let field = try await client.call(
                .post, "/api/v1/ticket-fields", token: token, json: TicketConfigurationAPITests.serialField)
            #expect(field.status == .created)
            // then the next create must carry it
            let missing = try await client.call(.post, "/api/v1/tickets", token: token, json: "{\(Self.base)}")
            #expect(missing.status == .badRequest)
            #expect(missing.body.object("error")["field"] as? String == "custom_fields.serial_number")
            // when it stops being required
            let relaxed = try await client.call(
                .patch, "/api/v1/ticket-fields/serial_number", token: token, json: #"{"required_on_create":false}"#)
            #expect(relaxed.status == .ok)
            // then a create without it succeeds again, and one with a malformed value still fails
            let second = try await client.call(.post, "/api/v1/tickets", token: token, json: "{\(Self.base)}")
            #expect(second.status == .created)
            let malformed = try await client.call(
                .post, "/api/v1/tickets", token: token,
                json: #"{\#(Self.base),"custom_fields":{"serial_number":"SN-1"}}"#)
            #expect(malformed.body.errorCode == "pattern_mismatch")
            let numbers = [first, second].compactMap { $0.body.object("ticket")["number"] as? Int }
            #expect(numbers.count == 2 && numbers[1] > numbers[0])
        }
    }

    @Test func aFormAddedAfterTicketsWereCreatedIsChosenByTheNextCreate() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // given a ticket created before any form exists
            #expect(
                try await client.call(.post, "/api/v1/tickets", token: token, json: "{\(Self.base)}").status
                    == .created)
            // when a form is added
            #expect(
                try await client.call(
                    .post, "/api/v1/ticket-forms", token: token,
                    json: #"{"key":"repair","names":{"zh_cn":"维修","en":"Repair"},"ticket_types":["incident"]}"#
                ).status == .created)
            // then the next incident gets it
            let created = try await client.call(
                .post, "/api/v1/tickets", token: token, json: #"{\#(Self.base),"type":"incident"}"#)
            #expect(created.status == .created)
            #expect(created.body.object("ticket")["form"] as? String == "repair")
        }
    }

    @Test func aSuspendedTenantsTokenIsRefusedWithinTheTokenCacheLifetime() async throws {
        try await withAPI { platform, client in
            let provisioned = try await platform.makeTenant()
            let token = provisioned.adminToken.secret
            #expect(try await client.call(.get, "/api/v1/tickets", token: token).status == .ok)
            // when the tenant is suspended (through the directory, as an operator would)
            var suspended = provisioned.tenant
            suspended.status = .suspended
            let directory: any TenantDirectory = platform.tenants
            try await directory.update(suspended)
            // then its token stops authenticating once the API's token cache forgets it
            // (CONCIERGE_TOKEN_CACHE_SECONDS, 5 s), however often it is used meanwhile
            let deadline = ContinuousClock.now + .seconds(8)
            var status = try await client.call(.get, "/api/v1/tickets", token: token).status
            while status != .unauthorized, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(250))
                status = try await client.call(.get, "/api/v1/tickets", token: token).status
            }
            #expect(status == .unauthorized)
        }
    }
}
