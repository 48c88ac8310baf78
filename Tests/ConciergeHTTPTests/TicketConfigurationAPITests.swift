import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Custom fields and forms, views, macros, bulk updates and merges through the API.
@Suite struct TicketConfigurationAPITests {
    static let serialField =
        #"{"key":"serial_number","labels":{"zh_cn":"序列号","en":"Serial number"},"type":"regex","pattern":"SN-[0-9]{6}","required_on_create":true,"visibility":"customer"}"#
    static let faultField =
        #"{"key":"fault_type","labels":{"zh_cn":"故障类型","en":"Fault type"},"type":"dropdown","required_to_solve":true,"options":[{"value":"electrical","labels":{"zh_cn":"电气","en":"Electrical"}},{"value":"mechanical","labels":{"zh_cn":"机械","en":"Mechanical"}}]}"#

    @Test func customFieldsAreValidatedRequiredAndFilterable() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // given a regex field required on create and a dropdown required to solve
            #expect(
                try await client.call(.post, "/api/v1/ticket-fields", token: token, json: Self.serialField).status
                    == .created)
            #expect(
                try await client.call(.post, "/api/v1/ticket-fields", token: token, json: Self.faultField).status
                    == .created)
            let duplicate = try await client.call(.post, "/api/v1/ticket-fields", token: token, json: Self.faultField)
            #expect(duplicate.status == .conflict)
            let badDefinition = try await client.call(
                .post, "/api/v1/ticket-fields", token: token,
                json: #"{"key":"x","labels":{"zh_cn":"x","en":""},"type":"dropdown"}"#)
            #expect(
                badDefinition.status == .badRequest
                    && badDefinition.body.object("error")["field"] as? String == "options")
            let base = #""subject":"设备故障","description":"机器不转","requester":{"email":"a@b.cn"}"#
            // when values are missing or wrong, the error names the field
            let missing = try await client.call(.post, "/api/v1/tickets", token: token, json: "{\(base)}")
            #expect(
                missing.status == .badRequest
                    && missing.body.object("error")["field"] as? String == "custom_fields.serial_number")
            let wrong = try await client.call(
                .post, "/api/v1/tickets", token: token, json: #"{\#(base),"custom_fields":{"serial_number":"SN-12"}}"#)
            #expect(wrong.body.errorCode == "pattern_mismatch")
            let unknown = try await client.call(
                .post, "/api/v1/tickets", token: token,
                json: #"{\#(base),"custom_fields":{"serial_number":"SN-123456","colour":"red"}}"#)
            #expect(unknown.body.errorCode == "unknown_field")
            // then a valid ticket is created, cannot be solved without the fault type, and is filterable
            let created = try await client.call(
                .post, "/api/v1/tickets", token: token,
                json: #"{\#(base),"custom_fields":{"serial_number":"SN-123456"}}"#)
            #expect(created.status == .created)
            let id = created.body.object("ticket")["id"] as? String ?? ""
            let unsolvable = try await client.call(
                .patch, "/api/v1/tickets/\(id)", token: token, json: #"{"status":"solved"}"#)
            #expect(
                unsolvable.status == .badRequest
                    && unsolvable.body.object("error")["field"] as? String == "custom_fields.fault_type")
            let solved = try await client.call(
                .patch, "/api/v1/tickets/\(id)", token: token,
                json: #"{"status":"solved","custom_fields":{"fault_type":"mechanical"}}"#)
            #expect(solved.status == .ok)
            let filtered = try await client.call(
                .get, "/api/v1/tickets?custom_fields.fault_type=mechanical", token: token)
            #expect((filtered.body["tickets"] as? [Any])?.count == 1)
            let searched = try await client.call(.get, "/api/v1/tickets?q=SN-123456", token: token)
            #expect((searched.body["tickets"] as? [Any])?.count == 1)
            let fields = try await client.call(.get, "/api/v1/ticket-fields", token: token)
            let serial = (fields.body["ticket_fields"] as? [[String: Any]])?.first {
                $0["key"] as? String == "serial_number"
            }
            #expect(serial?["required_on_create"] as? Bool == true)
            #expect((serial?["labels"] as? [String: Any])?["zh_cn"] as? String == "序列号")
        }
    }

    @Test func aFormLimitsWhichFieldsApply() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            _ = try await client.call(.post, "/api/v1/ticket-fields", token: token, json: Self.serialField)
            _ = try await client.call(.post, "/api/v1/ticket-fields", token: token, json: Self.faultField)
            let form = try await client.call(
                .post, "/api/v1/ticket-forms", token: token,
                json:
                    #"{"key":"question","names":{"zh_cn":"咨询","en":"Question"},"ticket_types":["question"],"field_keys":["fault_type"]}"#
            )
            #expect(form.status == .created, "\(form.body)")
            let badForm = try await client.call(
                .post, "/api/v1/ticket-forms", token: token,
                json: #"{"key":"bad","names":{"zh_cn":"x","en":"x"},"field_keys":["nope"]}"#)
            #expect(badForm.status == .badRequest)
            // a question does not need the serial number (not on its form)
            let question = try await client.call(
                .post, "/api/v1/tickets", token: token,
                json: #"{"subject":"价格","description":"多少钱","requester":{"email":"a@b.cn"},"type":"question"}"#)
            #expect(question.status == .created, "\(question.body)")
            #expect(question.body.object("ticket")["form"] as? String == "question")
            // but an incident does
            let incident = try await client.call(
                .post, "/api/v1/tickets", token: token,
                json: #"{"subject":"坏了","description":"坏了","requester":{"email":"a@b.cn"},"type":"incident"}"#)
            #expect(incident.status == .badRequest)
        }
    }

    @Test func viewsListCountsAndRunWithMe() async throws {
        try await withAPI { platform, client in
            let tenant = try await platform.makeTenant()
            let token = tenant.adminToken.secret
            let supervisor = try await platform.users.create(
                .init(email: "sup@example.com", name: "Sup", role: .supervisor, password: "correct horse battery"),
                grantedBy: .owner,
                actor: .system("t"), tenant: tenant.tenant.id)
            for index in 0..<3 {
                _ = try await TicketAPITests.create(
                    client, token: token, subject: "T\(index)",
                    extra: index < 2 ? #","assignee_id":"\#(supervisor.id)""# : "")
            }
            let login = try await client.call(
                .post, "/api/v1/auth/login",
                json:
                    #"{"tenant":"\#(tenant.tenant.slug)","email":"sup@example.com","password":"correct horse battery"}"#
            )
            let cookie = String((login.headers[.setCookie] ?? "").split(separator: ";")[0])
            let csrf = login.body["csrf_token"] as? String ?? ""
            let headers: HTTPFields = [.cookie: cookie, .init("X-CSRF-Token")!: csrf]
            let mine = try await client.call(
                .post, "/api/v1/views",
                json: #"{"key":"my-open","title":"我的工单","filters":{"assignee":"me","status":["open","new"]}}"#,
                headers: headers)
            #expect(mine.status == .created, "\(mine.body)")
            let shared = try await client.call(
                .post, "/api/v1/views", token: token,
                json: #"{"key":"unassigned","title":"未分配","filters":{"assignee":"none"},"shared":true}"#)
            #expect(shared.status == .created)
            let list = try await client.call(.get, "/api/v1/views", headers: headers)
            let counts = Dictionary(
                uniqueKeysWithValues: (list.body["views"] as? [[String: Any]] ?? []).map {
                    ($0["key"] as? String ?? "", $0["count"] as? Int ?? -1)
                })
            #expect(counts == ["my-open": 2, "unassigned": 1])
            let page = try await client.call(.get, "/api/v1/views/my-open/tickets", headers: headers)
            #expect((page.body["tickets"] as? [Any])?.count == 2)
            // a personal view is invisible to others
            let other = try await client.call(.get, "/api/v1/views/my-open/tickets", token: token)
            #expect(other.status == .notFound)
            // an API token lists the shared views; a view about "me" has no count for it
            let mineShared = try await client.call(
                .post, "/api/v1/views", token: token,
                json: #"{"key":"mine","title":"我的","filters":{"assignee":"me"},"shared":true}"#)
            #expect(mineShared.status == .created)
            let byToken = try await client.call(.get, "/api/v1/views", token: token)
            #expect(byToken.status == .ok)
            let tokenViews = byToken.body["views"] as? [[String: Any]] ?? []
            #expect(tokenViews.map { $0["key"] as? String } == ["unassigned", "mine"])
            #expect(tokenViews.last?["count"] == nil)
        }
    }

    @Test func macroAppliesActionsAndRendersItsReplyInOneStep() async throws {
        try await withAPI { platform, client in
            let tenant = try await platform.makeTenant()
            let token = tenant.adminToken.secret
            _ = try await platform.groups.create(
                .init(key: "after-sales", name: "售后"), actor: .system("t"), tenant: tenant.tenant.id)
            let macro = try await client.call(
                .post, "/api/v1/macros", token: token,
                json:
                    #"{"key":"refund","title":{"zh_cn":"退货处理","en":"Refund"},"actions":[{"type":"set_status","value":"pending"},{"type":"assign_group","value":"after-sales"},{"type":"add_tags","value":["退货"]}],"reply_template":"{{requester.name}}您好，工单 #{{ticket.number}} 已转售后。"}"#
            )
            #expect(macro.status == .created, "\(macro.body)")
            let badMacro = try await client.call(
                .post, "/api/v1/macros", token: token,
                json: #"{"key":"bad","title":{"zh_cn":"x","en":""},"reply_template":"{{ticket.nope}}"}"#)
            #expect(badMacro.status == .badRequest && badMacro.body.errorCode == "unknown_placeholder")
            let ticket = try await TicketAPITests.create(client, token: token)
            let applied = try await client.call(
                .post, "/api/v1/tickets/\(ticket["id"] as? String ?? "")/macros/refund", token: token)
            #expect(applied.status == .ok, "\(applied.body)")
            let after = applied.body.object("ticket")
            #expect(
                after["status"] as? String == "pending" && (after["tags"] as? [String]) == ["退货"]
                    && after["group_id"] != nil)
            #expect(applied.body.object("comment")["body"] as? String == "王先生您好，工单 #1001 已转售后。")
        }
    }

    @Test func bulkUpdateReportsEachTicketAndMergeMovesTheConversation() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let first = try await TicketAPITests.create(client, token: token)
            let second = try await TicketAPITests.create(client, token: token, subject: "重复的", description: "同一个问题")
            let closed = try await TicketAPITests.create(client, token: token)
            let closedID = closed["id"] as? String ?? ""
            _ = try await client.call(
                .patch, "/api/v1/tickets/\(closedID)", token: token, json: #"{"status":"solved"}"#)
            _ = try await client.call(
                .patch, "/api/v1/tickets/\(closedID)", token: token, json: #"{"status":"closed"}"#)
            let bulk = try await client.call(
                .post, "/api/v1/tickets/bulk-update", token: token,
                json:
                    #"{"ids":["\#(first["id"] as? String ?? "")","1002","\#(closedID)","9999"],"ticket":{"priority":"high","add_tags":["batch"]}}"#
            )
            #expect(bulk.status == .ok)
            let statuses = (bulk.body["results"] as? [[String: Any]] ?? []).map { $0["status"] as? String ?? "" }
            #expect(statuses == ["ok", "ok", "error", "error"])
            let codes = (bulk.body["results"] as? [[String: Any]] ?? []).compactMap {
                ($0["error"] as? [String: Any])?["code"] as? String
            }
            #expect(codes == ["ticket_closed", "not_found"])
            // merge the duplicate into the first
            let secondID = second["id"] as? String ?? ""
            _ = try await client.call(
                .post, "/api/v1/tickets/\(secondID)/comments", token: token, json: #"{"body":"补充信息"}"#)
            let merged = try await client.call(
                .post, "/api/v1/tickets/\(secondID)/merge", token: token,
                json: #"{"target_id":"\#(first["id"] as? String ?? "")"}"#)
            #expect(merged.status == .ok, "\(merged.body)")
            let source = try await client.call(.get, "/api/v1/tickets/\(secondID)", token: token)
            #expect(source.body.object("ticket")["status"] as? String == "closed")
            #expect(source.body.object("ticket")["merged_into_id"] as? String == first["id"] as? String)
            let comments = try await client.call(
                .get, "/api/v1/tickets/\(first["id"] as? String ?? "")/comments", token: token)
            let bodies = (comments.body["comments"] as? [[String: Any]] ?? []).compactMap { $0["body"] as? String }
            #expect(bodies.contains("补充信息") && bodies.contains { $0.hasPrefix("Merged #1002") })
        }
    }
}
