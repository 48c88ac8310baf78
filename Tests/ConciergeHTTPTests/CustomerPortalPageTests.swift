import ConciergeCore
import ConciergeDomain
import ConciergeHTTP
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A customer's browser on a tenant's portal: its cookies and the token its forms carry.
struct PortalBrowser {
    let client: any TestClientProtocol
    let slug: String
    /// `name=value` pairs sent as the Cookie header.
    var cookies: [String: String] = [:]
    var csrfToken = ""

    var home: String { "/portal/\(slug)" }
    var cookieHeader: String {
        cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    init(_ client: any TestClientProtocol, slug: String) {
        self.client = client
        self.slug = slug
    }

    /// Keeps the cookies a response sets (an empty value removes one).
    mutating func keep(_ response: PageResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(
                separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            cookies[String(pair[0])] = pair[1].isEmpty ? nil : String(pair[1])
        }
        if let token = response.hiddenValue("csrf_token") { csrfToken = token }
    }

    @discardableResult
    mutating func get(_ path: String, headers: HTTPFields = [:]) async throws -> PageResponse {
        let response = try await client.page(.get, path, cookie: cookieHeader, headers: headers)
        keep(response)
        return response
    }

    @discardableResult
    mutating func post(_ path: String, _ fields: [String: String], withToken: Bool = true) async throws -> PageResponse
    {
        var fields = fields
        if withToken { fields["csrf_token"] = csrfToken }
        let response = try await client.page(.post, path, form: fields, cookie: cookieHeader)
        keep(response)
        return response
    }

    /// Posts a `multipart/form-data` form with one file, as the reply box and the request form do.
    @discardableResult
    mutating func postFile(
        _ path: String, _ fields: [String: String], file: (name: String, type: String, bytes: [UInt8])?
    ) async throws -> PageResponse {
        var fields = fields
        fields["csrf_token"] = csrfToken
        let (type, body) = WebFormAPITests.multipart(fields, file: file)
        let response = try await client.execute(
            uri: path, method: .post, headers: [.contentType: type, .cookie: cookieHeader], body: body
        ) { PageResponse(status: $0.status, headers: $0.headers, body: String(buffer: $0.body)) }
        keep(response)
        return response
    }

    /// Signs in as the customer with `email`: asks for a link, reads it from the queued email,
    /// opens it and confirms.
    mutating func signIn(_ email: String, platform: Platform) async throws {
        try await get("\(home)/login")
        let sent = try await post("\(home)/login", ["email": email])
        #expect(sent.status == .ok)
        let link = try #require(try await Self.link(to: email, platform: platform, slug: slug))
        let page = try await get(link)
        #expect(page.status == .ok)
        let confirmed = try await post(link, [:])
        #expect(confirmed.status == .seeOther)
        try await get("\(home)/requests")
    }

    /// The path of the sign-in link last emailed to `email`.
    static func link(to email: String, platform: Platform, slug: String) async throws -> String? {
        let body = try await platform.relayQueuedEmails().last { $0.to == email }?.body ?? ""
        guard let start = body.range(of: "/portal/\(slug)/login/") else { return nil }
        return String(body[start.lowerBound...].prefix { !$0.isWhitespace })
    }
}

/// The customer portal through the real router: the home page, sign-in by emailed link, "my
/// requests", a request with its public conversation, replies with files, "mark as solved",
/// the rating, downloads; CSRF, escaping, other customers' requests (404), languages.
@Suite struct CustomerPortalPageTests {
    static let policy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    static let form = """
        {"key":"repair","kind":"web_form","name":"报修","settings":{"title":"设备报修","intro":"请描述故障"}}
        """

    /// A tenant with a web form, an agent and a customer who opened a request.
    struct Fixture {
        let tenant: Tenant
        let token: String
        let agent: User
        let ticket: Ticket
    }

    static func fixture(_ platform: Platform, _ client: any TestClientProtocol, subject: String = "打印机卡纸")
        async throws -> Fixture
    {
        let provisioned = try await platform.makeTenant()
        let token = provisioned.adminToken.secret
        let created = try await client.call(.post, "/api/v1/connectors", token: token, json: Self.form)
        #expect(created.status == .created)
        let agent = try await platform.users.create(
            .init(email: "zhang@acme.example", name: "张工", role: .agent), grantedBy: .owner, actor: .system("t"),
            tenant: provisioned.tenant.id)
        let ticket = try await platform.tickets.create(
            NewTicket(
                subject: subject, description: "第二个纸盒卡纸",
                requester: .contact(email: "wang@example.cn", phone: nil, name: "王工")),
            actor: .system("t"), tenant: provisioned.tenant.id)
        return Fixture(tenant: provisioned.tenant, token: token, agent: agent, ticket: ticket)
    }

    @Test func theHomePageShowsTheTenantItsFormsAndTheSignIn() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            let fixture = try await Self.fixture(platform, client)
            var browser = PortalBrowser(client, slug: fixture.tenant.slug.rawValue)
            let home = try await browser.get(browser.home)
            #expect(home.status == .ok)
            #expect(home.body.contains(fixture.tenant.name) && home.body.contains("设备报修"))
            #expect(home.link("form-card") == "\(browser.home)/forms/repair")
            #expect(home.link("home-sign-in") == "\(browser.home)/login")
            #expect(home.headers[.contentSecurityPolicy] == Self.policy)
            #expect(home.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            #expect(home.headers[.cacheControl] == "no-store")
            #expect(!home.body.contains("<script"))
            #expect(home.body.contains("lang=\"zh-CN\""))
            // then its stylesheet is served
            #expect(try await client.page(.get, "/assets/portal.css").status == .ok)
            // when the browser prefers English, or the visitor chooses it, then the page is English (remembered)
            let english = try await client.page(.get, browser.home, headers: [.acceptLanguage: "en-US,en"])
            #expect(english.body.contains("Submit a request") && english.body.contains("lang=\"en\""))
            let chosen = try await browser.get("\(browser.home)?lang=en")
            #expect(chosen.body.contains("Sign in") && chosen.cookie("concierge_portal_lang") == "en")
            #expect(try await browser.get(browser.home).body.contains("My requests"))
            // when the tenant is unknown, then a 404 page answers, in HTML
            let unknown = try await client.page(.get, "/portal/no-such-tenant")
            #expect(unknown.status == .notFound && unknown.body.contains("<html"))
            // when a signed-out visitor opens my requests, then the sign-in page comes back to them
            let requests = try await client.page(.get, "\(browser.home)/requests?status=open")
            #expect(requests.status == .seeOther)
            #expect(
                requests.headers[.location]
                    == "\(browser.home)/login?next=%2Fportal%2F\(browser.slug)%2Frequests%3Fstatus%3Dopen")
        }
    }

    @Test func signingInByLinkSetsTheCookieAndTheLinkWorksOnce() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            let fixture = try await Self.fixture(platform, client)
            var browser = PortalBrowser(client, slug: fixture.tenant.slug.rawValue)
            let form = try await browser.get(
                "\(browser.home)/login?next=/portal/\(browser.slug)/requests/\(fixture.ticket.number)")
            #expect(form.cookie("concierge_portal_csrf") != nil)
            // when links are asked for a stranger's address and the customer's, then both answer alike; one email goes
            let next = "/portal/\(browser.slug)/requests/\(fixture.ticket.number)"
            let nobody = try await browser.post("\(browser.home)/login", ["email": "nobody@example.cn", "next": next])
            let known = try await browser.post("\(browser.home)/login", ["email": "wang@example.cn", "next": next])
            #expect(nobody.status == .ok && known.status == .ok)
            func masked(_ body: String, _ local: String) -> String {
                body.replacingOccurrences(of: "\(local)@example.cn", with: "X")
                    .replacingOccurrences(of: "\(local)%40example.cn", with: "X")
            }
            #expect(masked(nobody.body, "nobody") == masked(known.body, "wang"))
            let emails = try await platform.relayQueuedEmails()
            #expect(emails.map(\.to) == ["wang@example.cn"])
            let link = try #require(
                emails.first.flatMap { email in
                    email.body.split(separator: "\n").first { $0.contains("/login/cpl_") }.map(String.init)
                })
            let base = platform.configuration.publicURL
            #expect(link.hasPrefix("\(base)/portal/\(browser.slug)/login/cpl_"))
            #expect(link.hasSuffix("?next=\(next)"))
            let path = String(link.dropFirst(base.count))
            // when the link is opened twice (a mail scanner, then the customer), then nothing is spent
            #expect(try await browser.get(path).status == .ok)
            let page = try await browser.get(path)
            #expect(page.body.contains("data-testid=\"link-confirm\""))
            #expect(page.hiddenValue("next") == next)
            // when confirming without the form's token, then it is refused
            #expect(try await browser.post(path, ["next": next], withToken: false).status == .forbidden)
            // when confirming, then an HttpOnly, SameSite=Lax cookie for this tenant's portal only signs in
            // (`Secure` unless configured off for local http, as the tests do)
            let confirmed = try await browser.post(path, ["next": next])
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.headers[.location] == "/portal/\(browser.slug)/requests/\(fixture.ticket.number)")
            let cookie = try #require(
                confirmed.headers[values: .setCookie].first { $0.hasPrefix("concierge_portal=cps_") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/portal/\(browser.slug)") && !cookie.contains("Secure"))
            let request = try await browser.get("/portal/\(browser.slug)/requests/\(fixture.ticket.number)")
            #expect(request.status == .ok && request.body.contains("打印机卡纸"))
            #expect(request.body.contains("data-testid=\"flash\""))
            // when someone uses the link again, then it does not work
            var stranger = PortalBrowser(client, slug: browser.slug)
            let used = try await stranger.get(path)
            #expect(used.status == .gone && !used.body.contains("link-confirm"))
            stranger.csrfToken = stranger.cookies["concierge_portal_csrf"] ?? ""
            let reused = try await stranger.post(path, [:])
            #expect(reused.status == .gone && !reused.body.contains("link-confirm"))
            #expect(reused.cookie("concierge_portal") == nil)
            // then the portal cookie opens neither the agent workspace nor the API
            let api = try await client.call(
                .get, "/api/v1/me", headers: [.cookie: "concierge_portal=\(browser.cookies["concierge_portal"] ?? "")"])
            #expect(api.status == .unauthorized)
            // when the customer signs out, then the session is over
            let out = try await browser.post("/portal/\(browser.slug)/logout", [:])
            #expect(out.status == .seeOther && out.headers[.location] == "/portal/\(browser.slug)")
            #expect(try await browser.get("/portal/\(browser.slug)/requests").status == .seeOther)
        }
    }

    @Test func theCookiesAreSecureUnlessConfiguredOff() async throws {
        var extra = ConnectorAPITests.extra
        extra["CONCIERGE_COOKIE_SECURE"] = "true"
        try await withAPI(extra: extra) { platform, client in
            let fixture = try await Self.fixture(platform, client)
            var browser = PortalBrowser(client, slug: fixture.tenant.slug.rawValue)
            let form = try await browser.get("\(browser.home)/login")
            let token = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("concierge_portal_csrf=") })
            #expect(token.contains("Secure") && token.contains("SameSite=Strict") && token.contains("HttpOnly"))
            try await browser.post("\(browser.home)/login", ["email": "wang@example.cn"])
            let link = try #require(
                try await PortalBrowser.link(to: "wang@example.cn", platform: platform, slug: browser.slug))
            try await browser.get(link)
            let confirmed = try await browser.post(link, [:])
            let session = try #require(
                confirmed.headers[values: .setCookie].first { $0.hasPrefix("concierge_portal=cps_") })
            #expect(session.contains("Secure") && session.contains("HttpOnly") && session.contains("SameSite=Lax"))
        }
    }

    @Test func aCustomerSeesTheirRequestsThePublicConversationAndNeverAnInternalNote() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            let fixture = try await Self.fixture(platform, client, subject: "<script>alert(1)</script>")
            let tenant = fixture.tenant.id
            let agent = fixture.agent
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]
            let replyFile = try await platform.attachments.upload(
                filename: "报价单.png", contentType: "image/png", bytes: png, to: .id(fixture.ticket.id),
                actor: .user(agent.id), tenant: tenant)
            let noteFile = try await platform.attachments.upload(
                filename: "内部.png", contentType: "image/png", bytes: png, to: .id(fixture.ticket.id),
                actor: .user(agent.id), tenant: tenant)
            _ = try await platform.conversation.add(
                .init(body: "您好，工程师下午到。", isPublic: true, channel: .web, attachmentIDs: [replyFile.id]),
                to: .id(fixture.ticket.id), author: .user(agent.id), actor: .user(agent.id), tenant: tenant)
            _ = try await platform.conversation.add(
                .init(body: "SECRET-内部备注", isPublic: false, channel: .web, attachmentIDs: [noteFile.id]),
                to: .id(fixture.ticket.id), author: .user(agent.id), actor: .user(agent.id), tenant: tenant)
            let others = try await platform.tickets.create(
                NewTicket(
                    subject: "李先生的请求", description: "别人的",
                    requester: .contact(email: "li@example.cn", phone: nil, name: "李")),
                actor: .system("t"), tenant: tenant)
            var browser = PortalBrowser(client, slug: fixture.tenant.slug.rawValue)
            try await browser.signIn("wang@example.cn", platform: platform)
            // when the customer opens my requests, then only theirs are listed, the subject as text
            let list = try await browser.get("\(browser.home)/requests")
            #expect(list.status == .ok && list.rowCount == 0)
            #expect(list.body.components(separatedBy: "data-testid=\"request-row\"").count - 1 == 1)
            #expect(list.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !list.body.contains("<script>"))
            #expect(!list.body.contains("李先生的请求"))
            #expect(list.body.contains("处理中"))
            // when they open the request, then the public reply and its file show, not the note nor its file
            let page = try await browser.get("\(browser.home)/requests/\(fixture.ticket.number)")
            #expect(page.status == .ok)
            #expect(page.body.contains("您好，工程师下午到。") && page.body.contains("张工"))
            #expect(!page.body.contains("SECRET") && !page.body.contains("内部.png"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.body.contains("<script>"))
            let fileLink = try #require(page.link("message-file"))
            #expect(fileLink == "\(browser.home)/files/\(replyFile.id)")
            let download = try await client.execute(
                uri: fileLink, method: .get, headers: [.cookie: browser.cookieHeader]
            ) { ($0.status, $0.headers, Array($0.body.readableBytesView)) }
            #expect(download.0 == .ok && download.2 == png)
            #expect(download.1[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(download.1[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            // when they open another customer's request, a note's file or a made-up number, then the same 404 answers
            for path in [
                "\(browser.home)/requests/\(others.number)", "\(browser.home)/files/\(noteFile.id)",
                "\(browser.home)/requests/99999", "\(browser.home)/requests/abc", "\(browser.home)/files/nope",
            ] {
                let refused = try await browser.get(path)
                #expect(refused.status == .notFound, "\(path)")
                #expect(!refused.body.contains("李先生") && refused.body.contains("error-message"))
            }
            let foreignReply = try await browser.post("\(browser.home)/requests/\(others.number)/reply", ["body": "hi"])
            #expect(foreignReply.status == .notFound)
            #expect(
                try await platform.conversation.list(
                    .id(others.id), includeInternal: true, after: nil, limit: 10, tenant: tenant
                ).isEmpty)
            // when signed out, then the file is not served either
            let anonymous = try await client.page(.get, fileLink)
            #expect(anonymous.status == .seeOther)
        }
    }

    @Test func signingInNeverReturnsToAnotherSiteOrTenant() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            let fixture = try await Self.fixture(platform, client)
            let home = "/portal/\(fixture.tenant.slug)"
            for next in [
                "//evil.example/x", "https://evil.example", "/portal/other-tenant/requests", "\(home)/\\evil",
                "\(home)//evil.example", "\(home)/login/cpl_x", "\(home)/requests\r\nSet-Cookie:x=1",
            ] {
                let page = try await client.page(.get, "\(home)/login?next=\(FormEncoding.encode(next))")
                #expect(page.status == .ok)
                #expect(page.hiddenValue("next") == nil, "\(next)")
            }
            let kept = try await client.page(.get, "\(home)/login?next=\(FormEncoding.encode("\(home)/requests/1001"))")
            #expect(kept.hiddenValue("next") == "\(home)/requests/1001")
        }
    }

    @Test func myRequestsArePagedNewestActivityFirstAndFilteredByStatus() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            let fixture = try await Self.fixture(platform, client)
            let tenant = fixture.tenant.id
            for index in 1...21 {
                _ = try await platform.tickets.create(
                    NewTicket(
                        subject: "请求 \(index)", description: "第 \(index) 个",
                        requester: .customer(fixture.ticket.requesterID)),
                    actor: .system("t"), tenant: tenant)
            }
            // given 22 requests, the first with the latest activity (awaiting the customer)
            _ = try await platform.tickets.update(
                .id(fixture.ticket.id), TicketChange(status: .pending), expectedVersion: nil, actor: .system("t"),
                tenant: tenant)
            var browser = PortalBrowser(client, slug: fixture.tenant.slug.rawValue)
            try await browser.signIn("wang@example.cn", platform: platform)
            let first = try await browser.get("\(browser.home)/requests")
            let rows = first.body.components(separatedBy: "data-testid=\"request-row\"").count - 1
            #expect(rows == 20)
            let firstSubject = first.body.range(of: "打印机卡纸").map(\.lowerBound)
            let secondSubject = first.body.range(of: "请求 21").map(\.lowerBound)
            #expect(firstSubject != nil && secondSubject != nil && firstSubject! < secondSubject!)
            #expect(first.body.contains("待您回复"))
            let next = try #require(first.link("page-next"))
            let second = try await browser.get(next)
            #expect(second.body.components(separatedBy: "data-testid=\"request-row\"").count - 1 == 2)
            #expect(second.link("page-first") == "\(browser.home)/requests" && second.link("page-next") == nil)
            // then the "awaiting your reply" tab holds the pending one only
            let awaiting = try await browser.get("\(browser.home)/requests?status=awaiting_you")
            #expect(awaiting.body.components(separatedBy: "data-testid=\"request-row\"").count - 1 == 1)
            #expect(awaiting.body.contains("打印机卡纸"))
            // when the cursor or the status is made up, then the first page of everything shows
            let bogus = try await browser.get("\(browser.home)/requests?cursor=garbage&status=nope")
            #expect(
                bogus.status == .ok && bogus.body.components(separatedBy: "data-testid=\"request-row\"").count - 1 == 20
            )
        }
    }

    @Test func formsNeedTheirTokenAndTheSessionsToken() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            let fixture = try await Self.fixture(platform, client)
            var browser = PortalBrowser(client, slug: fixture.tenant.slug.rawValue)
            // when the sign-in form comes without its double-submit cookie or token, then it is refused
            let bare = try await client.page(.post, "\(browser.home)/login", form: ["email": "wang@example.cn"])
            #expect(bare.status == .forbidden && bare.body.contains("error-message"))
            try await browser.signIn("wang@example.cn", platform: platform)
            let number = fixture.ticket.number
            // when a signed-in customer's post lacks the session's token or forges it, then it is refused
            for (path, fields) in [
                ("\(browser.home)/requests/\(number)/reply", ["body": "没有令牌"]),
                ("\(browser.home)/requests/\(number)/solve", [:]),
                ("\(browser.home)/requests/\(number)/rating", ["rating": "5"]),
                ("\(browser.home)/logout", [:]),
            ] {
                let refused = try await browser.post(path, fields, withToken: false)
                #expect(refused.status == .forbidden, "\(path)")
                var forged = fields
                forged["csrf_token"] = "forged"
                let wrong = try await client.page(.post, path, form: forged, cookie: browser.cookieHeader)
                #expect(wrong.status == .forbidden, "\(path)")
            }
            #expect(
                try await platform.conversation.list(
                    .id(fixture.ticket.id), includeInternal: true, after: nil, limit: 10, tenant: fixture.tenant.id
                ).isEmpty)
            #expect(try await platform.tickets.get(.id(fixture.ticket.id), tenant: fixture.tenant.id).status == .new)
            // when the anonymous forms' token stands in for the session's, then it is refused too
            let formToken = try #require(
                try await client.page(.get, "\(browser.home)/login").cookie("concierge_portal_csrf"))
            let mixed = try await client.page(
                .post, "\(browser.home)/requests/\(number)/reply", form: ["body": "x", "csrf_token": formToken],
                cookie: browser.cookieHeader + "; concierge_portal_csrf=\(formToken)")
            #expect(mixed.status == .forbidden)
        }
    }

    @Test func aReplyWithAFileReopensASolvedRequestAndTheCustomerSolvesAndRatesIt() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            let fixture = try await Self.fixture(platform, client)
            let tenant = fixture.tenant.id
            let number = fixture.ticket.number
            var browser = PortalBrowser(client, slug: fixture.tenant.slug.rawValue)
            try await browser.signIn("wang@example.cn", platform: platform)
            _ = try await platform.tickets.update(
                .id(fixture.ticket.id), TicketChange(status: .solved), expectedVersion: nil, actor: .system("t"),
                tenant: tenant)
            var page = try await browser.get("\(browser.home)/requests/\(number)")
            #expect(page.body.contains("已解决") && page.body.contains("data-testid=\"rating\""))
            // when the customer replies with a photo, then the solved request reopens
            let photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46]
            let replied = try await browser.postFile(
                "\(browser.home)/requests/\(number)/reply", ["body": "还是卡纸，见照片"],
                file: ("卡纸.jpg", "image/jpeg", photo))
            #expect(replied.status == .seeOther && replied.cookie("concierge_portal_flash") == "reply_sent")
            let reopened = try await platform.tickets.get(.id(fixture.ticket.id), tenant: tenant)
            #expect(reopened.status == .open)
            let comments = try await platform.conversation.list(
                .id(fixture.ticket.id), includeInternal: true, after: nil, limit: 10, tenant: tenant)
            #expect(comments.map(\.author) == [.customer(fixture.ticket.requesterID)])
            #expect(comments.first?.isPublic == true && comments.first?.channel == .web)
            page = try await browser.get("\(browser.home)/requests/\(number)")
            #expect(page.body.contains("还是卡纸，见照片") && page.body.contains("卡纸.jpg"))
            #expect(page.body.contains("回复已发送"))
            // when the reply is empty or a file is refused, then nothing is sent
            let empty = try await browser.post("\(browser.home)/requests/\(number)/reply", ["body": "  "])
            #expect(empty.cookie("concierge_portal_flash") == "empty_reply")
            let fake = try await browser.postFile(
                "\(browser.home)/requests/\(number)/reply", ["body": "假图片"],
                file: ("x.png", "image/png", Array("<script>alert(1)</script>".utf8)))
            #expect(fake.cookie("concierge_portal_flash") == "file_refused")
            // when the customer marks it solved and rates it, then it counts once
            let solved = try await browser.post("\(browser.home)/requests/\(number)/solve", [:])
            #expect(solved.cookie("concierge_portal_flash") == "solved")
            #expect(try await platform.tickets.get(.id(fixture.ticket.id), tenant: tenant).status == .solved)
            let outOfRange = try await browser.post("\(browser.home)/requests/\(number)/rating", ["rating": "9"])
            #expect(outOfRange.cookie("concierge_portal_flash") == "rating_invalid")
            let rated = try await browser.post(
                "\(browser.home)/requests/\(number)/rating", ["rating": "5", "comment": "<b>很快</b>"])
            #expect(rated.cookie("concierge_portal_flash") == "rated")
            let again = try await browser.post("\(browser.home)/requests/\(number)/rating", ["rating": "1"])
            #expect(again.cookie("concierge_portal_flash") == "already_rated")
            page = try await browser.get("\(browser.home)/requests/\(number)")
            #expect(page.body.contains("data-testid=\"rated\"") && !page.body.contains("data-testid=\"rating\""))
            #expect(page.body.contains("&lt;b&gt;很快&lt;/b&gt;"))
            let surveys = try await platform.satisfaction.surveys(ofTicket: .id(fixture.ticket.id), tenant: tenant)
            #expect(surveys.map(\.rating) == [5])
            // when it is closed, then there is no reply box but a way to follow up, and a reply is refused
            _ = try await platform.tickets.update(
                .id(fixture.ticket.id), TicketChange(status: .closed), expectedVersion: nil, actor: .system("t"),
                tenant: tenant)
            page = try await browser.get("\(browser.home)/requests/\(number)")
            #expect(!page.body.contains("data-testid=\"reply-body\"") && page.body.contains("closed-notice"))
            #expect(page.link("follow-up") == "\(browser.home)/forms/repair?follow_up=\(number)")
            let late = try await browser.post("\(browser.home)/requests/\(number)/reply", ["body": "再问"])
            #expect(late.cookie("concierge_portal_flash") == "closed")
            let followUp = try await browser.get("\(browser.home)/forms/repair?follow_up=\(number)")
            #expect(followUp.body.contains("跟进 #\(number)：打印机卡纸"))
        }
    }

    @Test func requestsAreSubmittedThroughTheFormSignedInOrNot() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            let fixture = try await Self.fixture(platform, client)
            let tenant = fixture.tenant.id
            // when a visitor without an account submits, then a contact is required and the number shown
            var visitor = PortalBrowser(client, slug: fixture.tenant.slug.rawValue)
            let form = try await visitor.get("\(visitor.home)/forms/repair")
            #expect(form.status == .ok && form.body.contains("设备报修") && form.body.contains("form-email"))
            let early = String(Int(Date().timeIntervalSince1970) - 10)
            let missingContact = try await visitor.postFile(
                "\(visitor.home)/forms/repair",
                ["subject": "断网", "description": "二楼断网", "rendered_at": early], file: nil)
            #expect(missingContact.status == .badRequest && missingContact.body.contains("请留下邮箱或手机"))
            #expect(missingContact.body.contains("二楼断网"))
            let sent = try await visitor.postFile(
                "\(visitor.home)/forms/repair",
                [
                    "name": "赵", "email": "zhao@example.cn", "subject": "断网", "description": "二楼断网",
                    "rendered_at": early,
                ],
                file: ("网络.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7]))
            #expect(sent.status == .created && sent.body.contains("data-testid=\"received-message\""))
            let (page, _) = try await platform.tickets.list(TicketQuery(), tenant: tenant)
            let anonymous = try #require(page.tickets.first { $0.subject == "断网" })
            #expect(sent.body.contains("#\(anonymous.number)") && anonymous.channel == .web)
            #expect(sent.link("received-sign-in") == "\(visitor.home)/login?email=zhao%40example.cn")
            // when a signed-in customer submits, then as themselves, landing on the new request
            var customer = PortalBrowser(client, slug: fixture.tenant.slug.rawValue)
            try await customer.signIn("wang@example.cn", platform: platform)
            let signedInForm = try await customer.get("\(customer.home)/forms/repair")
            #expect(signedInForm.body.contains("form-as") && !signedInForm.body.contains("form-email"))
            let submitted = try await customer.postFile(
                "\(customer.home)/forms/repair",
                ["subject": "复印机异响", "description": "开机有异响", "email": "someone-else@example.cn"], file: nil)
            #expect(submitted.status == .seeOther)
            let location = try #require(submitted.headers[.location])
            #expect(location.hasPrefix("\(customer.home)/requests/"))
            let number = try #require(Int64(location.split(separator: "/").last ?? ""))
            let created = try await platform.tickets.get(.number(number), tenant: tenant)
            #expect(created.requesterID == fixture.ticket.requesterID && created.subject == "复印机异响")
            let list = try await customer.get("\(customer.home)/requests")
            #expect(list.body.contains("复印机异响") && !list.body.contains("断网"))
            // when a post fills the trap in, then it is thanked and dropped
            let before = try await platform.tickets.list(TicketQuery(), tenant: tenant).0.tickets.count
            let bot = try await visitor.postFile(
                "\(visitor.home)/forms/repair",
                ["email": "bot@example.cn", "description": "spam", "website": "http://spam", "rendered_at": early],
                file: nil)
            #expect(bot.status == .created)
            #expect(try await platform.tickets.list(TicketQuery(), tenant: tenant).0.tickets.count == before)
        }
    }

    @Test func asksForLinksAreRateLimited() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            let fixture = try await Self.fixture(platform, client)
            var browser = PortalBrowser(client, slug: fixture.tenant.slug.rawValue)
            try await browser.get("\(browser.home)/login")
            for _ in 0..<5 {
                #expect(try await browser.post("\(browser.home)/login", ["email": "wang@example.cn"]).status == .ok)
            }
            let limited = try await browser.post("\(browser.home)/login", ["email": "wang@example.cn"])
            #expect(limited.status == .tooManyRequests && limited.body.contains("login-error"))
            let invalid = try await browser.post("\(browser.home)/login", ["email": "not an email"])
            #expect(invalid.status == .badRequest)
        }
    }

    @Test func thePortalsStringsAreInBothLanguagesAndEveryKeyItUsesExists() throws {
        let resources = WebResources.bundled
        let chinese = resources.catalogue(.zhCN).strings
        let english = resources.catalogue(.en).strings
        let portal = Set(chinese.keys.filter { $0.hasPrefix("portal_") })
        #expect(portal == Set(english.keys.filter { $0.hasPrefix("portal_") }))
        #expect(portal.count > 100)
        // every `{{t.key}}` the portal templates use is in the catalogue, and every key made in code
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/ConciergeHTTP/Resources/Web/templates").standardized
        let templates = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("portal-") }
        #expect(templates.count >= 10)
        for name in templates {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: /\{\{[#^\/]?t\.([a-z0-9_]+)\}\}/) {
                #expect(match.1.hasPrefix("portal_"), "\(name): t.\(match.1) is not the portal's")
                #expect(chinese[String(match.1)] != nil, "\(name): t.\(match.1)")
            }
        }
        let made =
            PortalStatus.allCases.flatMap { ["portal_status_\($0.rawValue)", "portal_status_hint_\($0.rawValue)"] }
            + PortalRequestFilter.allCases.map { "portal_tab_\($0.rawValue)" } + (1...5).map { "portal_rating_\($0)" }
        for key in made { #expect(chinese[key] != nil, "\(key)") }
    }
}
