import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The ticket API through the router, against the real database.
@Suite struct TicketAPITests {
    static func create(
        _ client: any TestClientProtocol, token: String, subject: String = "打印机坏了", description: String = "客户申请退货",
        email: String = "wang@example.cn", extra: String = ""
    ) async throws -> [String: Any] {
        let response = try await client.call(
            .post, "/api/v1/tickets", token: token,
            json:
                #"{"subject":"\#(subject)","description":"\#(description)","requester":{"email":"\#(email)","name":"王先生"}\#(extra)}"#
        )
        #expect(response.status == .created, "\(response.body)")
        return response.body.object("ticket")
    }

    @Test func createdTicketsGetSequentialNumbersAndMatchTheirRequester() async throws {
        try await withAPI { platform, client in
            // given a tenant
            let token = try await platform.makeTenant().adminToken.secret
            // when the same customer writes twice (email in another case) and someone else once
            let first = try await Self.create(client, token: token)
            let second = try await Self.create(client, token: token, email: "WANG@example.cn")
            let third = try await Self.create(client, token: token, email: "li@example.cn")
            // then numbers are sequential from 1001 and the same email is the same customer
            #expect(first["number"] as? Int == 1001)
            #expect(second["number"] as? Int == 1002)
            #expect(third["number"] as? Int == 1003)
            #expect(first["requester_id"] as? String == second["requester_id"] as? String)
            #expect(first["requester_id"] as? String != third["requester_id"] as? String)
            #expect(first["status"] as? String == "new" && first["priority"] as? String == "normal")
            #expect((first["requester"] as? [String: Any])?["name"] as? String == "王先生")
            // and a ticket can be read by number
            let byNumber = try await client.call(.get, "/api/v1/tickets/1002", token: token)
            #expect(byNumber.body.object("ticket")["id"] as? String == second["id"] as? String)
        }
    }

    @Test func chineseSearchFindsWordsInsideLongerTextAndInComments() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // given tickets in Chinese and English, one matching only through a comment
            let refund = try await Self.create(client, token: token, subject: "订单问题", description: "客户申请退货，机器有划痕")
            _ = try await Self.create(
                client, token: token, subject: "Printer jam", description: "The printer jams on page two")
            let viaComment = try await Self.create(client, token: token, subject: "售后", description: "需要上门")
            let comment = try await client.call(
                .post, "/api/v1/tickets/\(viaComment["id"] as? String ?? "")/comments", token: token,
                json: #"{"body":"客户改为要求退货","public":false}"#)
            #expect(comment.status == .created)
            // when searching for 退货
            let results = try await client.call(.get, "/api/v1/tickets?q=%E9%80%80%E8%B4%A7", token: token)
            let ids = (results.body["tickets"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            // then both Chinese tickets are found, the one with it in its own text first
            #expect(ids == [refund["id"] as? String, viaComment["id"] as? String].compactMap { $0 })
            let english = try await client.call(.get, "/api/v1/tickets?q=JAMS", token: token)
            #expect((english.body["tickets"] as? [Any])?.count == 1)
            let none = try await client.call(.get, "/api/v1/tickets?q=%E6%8D%A2%E8%B4%A7", token: token)
            #expect((none.body["tickets"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func filtersAndCursorPaginationWalkEveryTicketOnce() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            for index in 0..<7 {
                _ = try await Self.create(
                    client, token: token, subject: "Ticket \(index)",
                    extra: index % 2 == 0 ? #","priority":"high","tags":["VIP","退货"]"# : "")
            }
            var seen: [Int] = []
            var cursor: String?
            repeat {
                let path = "/api/v1/tickets?priority=high&limit=2&sort=number" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.call(.get, path, token: token)
                #expect(page.status == .ok, "\(page.body)")
                seen += (page.body["tickets"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? Int }
                cursor = page.body["next_cursor"] as? String
            } while cursor != nil
            #expect(seen == [1001, 1003, 1005, 1007])
            let tagged = try await client.call(
                .get, "/api/v1/tickets?tags=vip,%E9%80%80%E8%B4%A7&status=new", token: token)
            #expect((tagged.body["tickets"] as? [Any])?.count == 4)
            let bad = try await client.call(.get, "/api/v1/tickets?status=lost", token: token)
            #expect(bad.status == .badRequest && bad.body.errorCode == "invalid_parameter")
            let badCursor = try await client.call(.get, "/api/v1/tickets?cursor=nonsense", token: token)
            #expect(badCursor.status == .badRequest)
        }
    }

    @Test func staleVersionIsRefusedWith409AndChangesNothing() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let ticket = try await Self.create(client, token: token)
            let path = "/api/v1/tickets/\(ticket["id"] as? String ?? "")"
            let read = try await client.call(.get, path, token: token)
            let etag = read.headers[.eTag] ?? ""
            #expect(etag == "\"1\"")
            // two agents read version 1; the first one's change wins
            let first = try await client.call(
                .patch, path, token: token, json: #"{"priority":"urgent"}"#, headers: [.ifMatch: etag])
            #expect(first.status == .ok && first.headers[.eTag] == "\"2\"")
            let second = try await client.call(
                .patch, path, token: token, json: #"{"priority":"low"}"#, headers: [.ifMatch: etag])
            #expect(second.status == .conflict && second.body.errorCode == "version_conflict")
            let after = try await client.call(.get, path, token: token)
            #expect(after.body.object("ticket")["priority"] as? String == "urgent")
        }
    }

    @Test func lifecycleIsEnforcedAndHistoryRecordsEveryChange() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let ticket = try await Self.create(client, token: token)
            let path = "/api/v1/tickets/\(ticket["id"] as? String ?? "")"
            #expect(
                try await client.call(.patch, path, token: token, json: #"{"status":"closed"}"#).status == .conflict)
            let solved = try await client.call(
                .patch, path, token: token, json: #"{"status":"solved","tags":["done"]}"#)
            #expect(solved.body.object("ticket")["solved_at"] != nil)
            #expect(try await client.call(.patch, path, token: token, json: #"{"status":"closed"}"#).status == .ok)
            let afterClose = try await client.call(.patch, path, token: token, json: #"{"status":"open"}"#)
            #expect(afterClose.status == .conflict && afterClose.body.errorCode == "invalid_transition")
            let comment = try await client.call(
                .post, "\(path)/comments", token: token, json: #"{"body":"still there?"}"#)
            #expect(comment.status == .conflict && comment.body.errorCode == "ticket_closed")
            let history = try await client.call(.get, "\(path)/history", token: token)
            let types = (history.body["history"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
            #expect(types == ["ticket.updated", "ticket.updated", "ticket.created"])
            let firstChange = (history.body["history"] as? [[String: Any]])?[1]["data"] as? [String: Any]
            let statusChange = (firstChange?["changes"] as? [String: Any])?["status"] as? [String]
            #expect(statusChange == ["new", "solved"])
        }
    }

    @Test func agentReplySetsFirstResponseAndRequesterReplyReopensSolved() async throws {
        try await withAPI { platform, client in
            let tenant = try await platform.makeTenant()
            let token = tenant.adminToken.secret
            let agent = try await platform.users.create(
                .init(email: "agent.zhang@example.com", name: "张工", role: .agent), grantedBy: .owner,
                actor: .system("t"),
                tenant: tenant.tenant.id)
            let ticket = try await Self.create(client, token: token)
            let id = ticket["id"] as? String ?? ""
            // an internal note with a mention does not count as a response
            let note = try await client.call(
                .post, "/api/v1/tickets/\(id)/comments", token: token,
                json: #"{"body":"@agent.zhang 请跟进","public":false}"#)
            #expect((note.body.object("comment")["mention_ids"] as? [String]) == [agent.id.description])
            let afterNote = try await client.call(.get, "/api/v1/tickets/\(id)", token: token)
            #expect(afterNote.body.object("ticket")["first_response_at"] == nil)
            // the agent's public reply is the first response and opens the ticket
            _ = try await client.call(
                .post, "/api/v1/tickets/\(id)/comments", token: token,
                json: #"{"body":"您好，我们已收到","author_id":"\#(agent.id)"}"#)
            let replied = try await client.call(.get, "/api/v1/tickets/\(id)", token: token)
            #expect(replied.body.object("ticket")["first_response_at"] != nil)
            #expect(replied.body.object("ticket")["status"] as? String == "open")
            // solved, then the requester writes again: reopened
            _ = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: #"{"status":"solved"}"#)
            let requester = CustomerID(ticket["requester_id"] as? String ?? "")!
            _ = try await platform.conversation.add(
                .init(body: "还是不行", isPublic: true, channel: .email), to: .id(TicketID(id)!),
                author: .customer(requester),
                actor: .system("email"), tenant: tenant.tenant.id)
            let reopened = try await client.call(.get, "/api/v1/tickets/\(id)", token: token)
            #expect(reopened.body.object("ticket")["status"] as? String == "open")
            let comments = try await client.call(.get, "/api/v1/tickets/\(id)/comments", token: token)
            #expect(
                (comments.body["comments"] as? [[String: Any]])?.map { $0["public"] as? Bool } == [false, true, true])
        }
    }

    @Test func parentReturnsToOpenWhenAllLinkedWorkIsSolved() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let parent = try await Self.create(client, token: token, subject: "设备维修")
            let parentID = parent["id"] as? String ?? ""
            _ = try await client.call(
                .patch, "/api/v1/tickets/\(parentID)", token: token, json: #"{"status":"pending"}"#)
            let parts = try await Self.create(
                client, token: token, subject: "备件申请", extra: #","parent_id":"\#(parentID)","type":"task""#)
            let visit = try await Self.create(
                client, token: token, subject: "上门服务", extra: #","parent_id":"\#(parentID)""#)
            let children = try await client.call(.get, "/api/v1/tickets/\(parentID)/children", token: token)
            #expect((children.body["tickets"] as? [Any])?.count == 2)
            _ = try await client.call(
                .patch, "/api/v1/tickets/\(parts["id"] as? String ?? "")", token: token, json: #"{"status":"solved"}"#)
            let stillPending = try await client.call(.get, "/api/v1/tickets/\(parentID)", token: token)
            #expect(stillPending.body.object("ticket")["status"] as? String == "pending")
            _ = try await client.call(
                .patch, "/api/v1/tickets/\(visit["id"] as? String ?? "")", token: token, json: #"{"status":"solved"}"#)
            let reopened = try await client.call(.get, "/api/v1/tickets/\(parentID)", token: token)
            #expect(reopened.body.object("ticket")["status"] as? String == "open")
        }
    }

    @Test func invalidTicketInputNamesTheField() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let cases: [(String, String)] = [
                (#"{"subject":"","description":"x","requester":{"email":"a@b.cn"}}"#, "subject"),
                (#"{"subject":"x","description":"  ","requester":{"email":"a@b.cn"}}"#, "description"),
                (#"{"subject":"x","description":"y"}"#, "requester"),
                (#"{"subject":"x","description":"y","requester":{"email":"nope"}}"#, "requester.email"),
                (#"{"subject":"x","description":"y","requester":{"email":"a@b.cn"},"priority":"asap"}"#, "priority"),
                (
                    #"{"subject":"x","description":"y","requester":{"email":"a@b.cn"},"group_id":"\#(UUID())"}"#,
                    "group_id"
                ),
                (#"{"subject":"x","description":"y","requester":{"email":"a@b.cn"},"status":"closed"}"#, "status"),
            ]
            for (body, field) in cases {
                let response = try await client.call(.post, "/api/v1/tickets", token: token, json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.body.object("error")["field"] as? String == field, "\(body) → \(response.body)")
            }
        }
    }

    @Test func anotherTenantsTicketsAreInvisible() async throws {
        try await withAPI { platform, client in
            let a = try await platform.makeTenant().adminToken.secret
            let b = try await platform.makeTenant().adminToken.secret
            let ticketOfB = try await Self.create(client, token: b)
            let id = ticketOfB["id"] as? String ?? ""
            for (method, path, body) in [
                (HTTPRequest.Method.get, "/api/v1/tickets/\(id)", nil), (.get, "/api/v1/tickets/1001", nil),
                (.patch, "/api/v1/tickets/\(id)", #"{"priority":"low"}"#),
                (.get, "/api/v1/tickets/\(id)/comments", nil),
                (.post, "/api/v1/tickets/\(id)/comments", #"{"body":"hi"}"#),
                (.get, "/api/v1/tickets/\(id)/history", nil),
                (.get, "/api/v1/tickets/\(id)/children", nil),
            ] as [(HTTPRequest.Method, String, String?)] {
                let response = try await client.call(method, path, token: a, json: body)
                #expect(response.status == .notFound, "\(method) \(path)")
            }
            let list = try await client.call(.get, "/api/v1/tickets?q=%E9%80%80%E8%B4%A7", token: a)
            #expect((list.body["tickets"] as? [Any])?.isEmpty == true)
            let parentOfB = try await client.call(
                .post, "/api/v1/tickets", token: a,
                json: #"{"subject":"x","description":"y","requester":{"email":"a@b.cn"},"parent_id":"\#(id)"}"#)
            #expect(parentOfB.status == .badRequest)
        }
    }
}
