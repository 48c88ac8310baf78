import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The public survey page: no login, escaped output, one answer per link.
@Suite struct SurveyPageTests {
    /// A sent survey for a ticket whose subject tries to inject a script; its link secret.
    static func sentSurvey(_ platform: Platform) async throws -> (Ticket, String) {
        let tenant = try await platform.makeTenant().tenant.id
        let ticket = try await platform.tickets.create(
            NewTicket(
                subject: "<script>alert(1)</script> 打印机", description: "x",
                requester: .contact(email: "wang@example.cn", phone: nil, name: "王")),
            actor: .system("t"), tenant: tenant)
        _ = try await platform.tickets.update(
            .id(ticket.id), TicketChange(status: .solved), expectedVersion: nil, actor: .system("t"), tenant: tenant)
        let desk = SatisfactionDesk(
            store: platform.store,
            directory: SatisfactionPostgresDirectory(client: platform.postgres, logger: platform.logger),
            policy: .init(delay: .seconds(0), publicURL: "http://localhost"))
        try await desk.planSurvey(for: ticket.id, tenant: tenant)
        _ = try await desk.sendDue(tenant: tenant)
        let store: any TenantStore = platform.store
        let email = try await store.transaction(tenant) { tx in
            try await tx.events.history(subjectType: "ticket", subjectID: ticket.id.description)
        }.first { $0.event.type == "email.queued" }
        let body = email?.event.data["body"]?.stringValue ?? ""
        let secret = body.components(separatedBy: "/survey/").last?.split(separator: "\n").first.map(String.init) ?? ""
        return (ticket, secret)
    }

    static func page(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, form: String? = nil
    )
        async throws -> (status: HTTPResponse.Status, html: String, headers: HTTPFields)
    {
        var headers: HTTPFields = [.acceptLanguage: "zh-CN,zh;q=0.9"]
        if form != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        return try await client.execute(
            uri: path, method: method, headers: headers, body: form.map { ByteBuffer(string: $0) }
        ) { response in
            (response.status, String(buffer: response.body), response.headers)
        }
    }

    @Test func thePageEscapesTheSubjectAndTakesOneAnswer() async throws {
        try await withAPI { platform, client in
            let (ticket, secret) = try await Self.sentSurvey(platform)
            // the form shows the ticket, escaped, under a strict policy
            let form = try await Self.page(client, .get, "/survey/\(secret)")
            #expect(form.status == .ok)
            #expect(form.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; 打印机"))
            #expect(!form.html.contains("<script>"))
            #expect(form.html.contains("#\(ticket.number)") && form.html.contains("服务评价"))
            #expect(form.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            // a form post answers it; a second one is told it was answered
            let thanks = try await Self.page(
                client, .post, "/survey/\(secret)", form: "rating=4&comment=%E5%BE%88%E5%A5%BD")
            #expect(thanks.status == .ok && thanks.html.contains("感谢您的评价"))
            let again = try await Self.page(client, .post, "/survey/\(secret)", form: "rating=5")
            #expect(again.status == .badRequest && again.html.contains("已提交过"))
            let shown = try await Self.page(client, .get, "/survey/\(secret)")
            #expect(shown.html.contains("已提交过"))
        }
    }

    @Test func anUnknownLinkIs404AndJSONClientsGetJSON() async throws {
        try await withAPI { platform, client in
            #expect(try await Self.page(client, .get, "/survey/srv_unknown").status == .notFound)
            let (_, secret) = try await Self.sentSurvey(platform)
            let bad = try await client.call(.post, "/survey/\(secret)", json: #"{"rating":9}"#)
            #expect(bad.status == .badRequest && bad.body.errorCode == "out_of_range")
            let good = try await client.call(.post, "/survey/\(secret)", json: #"{"rating":3,"comment":"ok"}"#)
            #expect(good.status == .ok && good.body["rating"] as? Int == 3)
        }
    }
}
