import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct TicketLinkAndSkillsAPITests {
    @Test func relatedLinksShowOnBothTicketsAndCanBeRemoved() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let a = try await TicketAPITests.create(client, token: token)
            let b = try await TicketAPITests.create(client, token: token, subject: "同一批次")
            let aID = a["id"] as? String ?? ""
            #expect(
                try await client.call(
                    .post, "/api/v1/tickets/\(aID)/links", token: token, json: #"{"related_id":"1002"}"#
                ).status == .noContent)
            #expect(
                try await client.call(
                    .post, "/api/v1/tickets/\(aID)/links", token: token, json: #"{"related_id":"1002"}"#
                ).status == .noContent)
            let fromB = try await client.call(.get, "/api/v1/tickets/1002/links", token: token)
            #expect((fromB.body["tickets"] as? [[String: Any]])?.map { $0["number"] as? Int } == [1001])
            let itself = try await client.call(
                .post, "/api/v1/tickets/\(aID)/links", token: token, json: #"{"related_id":"\#(aID)"}"#)
            #expect(itself.status == .badRequest)
            #expect(
                try await client.call(.delete, "/api/v1/tickets/1002/links/\(aID)", token: token).status == .noContent)
            #expect(
                try await client.call(.delete, "/api/v1/tickets/1002/links/\(aID)", token: token).status == .notFound)
            let history = try await client.call(
                .get, "/api/v1/tickets/\(b["id"] as? String ?? "")/history", token: token)
            let types = (history.body["history"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
            #expect(types.prefix(2) == ["ticket.unrelated", "ticket.related"])
        }
    }

    @Test func agentsCarrySkillsAndRegions() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let created = try await client.call(
                .post, "/api/v1/users", token: token,
                json:
                    #"{"email":"zhang@example.cn","name":"张工","role":"agent","skills":["Printers","printers","electrical"],"regions":["east"]}"#
            )
            #expect(created.status == .created)
            #expect(created.body.object("user")["skills"] as? [String] == ["electrical", "printers"])
            let id = created.body.object("user")["id"] as? String ?? ""
            let patched = try await client.call(
                .patch, "/api/v1/users/\(id)", token: token, json: #"{"regions":["east","north"]}"#)
            #expect(patched.body.object("user")["regions"] as? [String] == ["east", "north"])
            let bad = try await client.call(
                .patch, "/api/v1/users/\(id)", token: token, json: #"{"skills":["has space!"]}"#)
            #expect(bad.status == .badRequest && bad.body.object("error")["field"] as? String == "skills[0]")
        }
    }
}
