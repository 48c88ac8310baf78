import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConciergeHTTP

/// The agent workspace pages through the real router: sign-in, redirects, CSRF, security
/// headers, escaping, language and the stale-version conflict.
@Suite struct AgentWorkspacePageTests {
    static let policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

    static func ticket(_ platform: Platform, _ browser: AgentBrowser, subject: String = "打印机卡纸") async throws
        -> Ticket
    {
        try await platform.tickets.create(
            NewTicket(
                subject: subject, description: "第三台打印机卡纸",
                requester: .contact(email: "wang@example.cn", phone: nil, name: "王先生")),
            actor: .system("t"), tenant: browser.tenant)
    }

    @Test func signedOutVisitorsAreSentToTheSignInPage() async throws {
        try await withAPI { _, client in
            // when a visitor without a session opens workspace pages or posts a form
            for (method, path, location) in [
                (HTTPRequest.Method.get, "/agent/tickets", "/agent/login?next=%2Fagent%2Ftickets"),
                (.get, "/agent/tickets/1001?x=1", "/agent/login?next=%2Fagent%2Ftickets%2F1001%3Fx%3D1"),
                (.post, "/agent/tickets/1001/reply", "/agent/login"),
            ] {
                let response = try await client.page(method, path, form: method == .post ? [:] : nil)
                // then they are redirected to the sign-in page, which returns to the page asked for
                #expect(response.status == .seeOther, "\(method) \(path)")
                #expect(response.headers[.location] == location, "\(method) \(path)")
            }
            // and an unknown session cookie is cleared on the way
            let stale = try await client.page(.get, "/agent/tickets", cookie: "concierge_session=cns_unknown")
            #expect(stale.status == .seeOther && stale.cookie("concierge_session") == "")
        }
    }

    @Test func signInSetsAnHttpOnlySessionCookieAndSignOutEndsIt() async throws {
        try await withAPI { platform, client in
            // given a signed-in agent
            let browser = try await AgentBrowser.signIn(platform, client)
            #expect(browser.csrfToken.count > 20)
            // when they sign out
            let out = try await browser.post("/agent/logout", [:])
            // then they land on the sign-in page and the session no longer opens the workspace
            #expect(out.status == .seeOther && out.headers[.location] == "/agent/login")
            #expect(try await browser.get("/agent/tickets").status == .seeOther)
        }
    }

    @Test func signInReturnsToThePageAskedForButNeverToAnotherSite() async throws {
        try await withAPI { platform, client in
            // given an agent with a password
            let tenant = try await platform.makeTenant().tenant
            _ = try await platform.users.create(
                .init(email: "li@example.cn", name: "李", role: .agent, password: "correct horse battery"),
                grantedBy: .owner, actor: .system("t"), tenant: tenant.id)
            for (next, landing) in [
                ("/agent/tickets/1001", "/agent/tickets/1001"), ("//evil.example/agent/", "/agent/tickets"),
                ("https://evil.example/", "/agent/tickets"), ("/agent/..\\evil", "/agent/tickets"),
            ] {
                // when they sign in from a sign-in page that names `next`
                let form = try await client.page(.get, "/agent/login?next=\(FormEncoding.encode(next))")
                let signIn = try await client.page(
                    .post, "/agent/login",
                    form: [
                        "csrf_token": form.hiddenValue("csrf_token") ?? "", "tenant": tenant.slug.description,
                        "email": "li@example.cn", "password": "correct horse battery",
                        "next": form.hiddenValue("next") ?? next,
                    ],
                    cookie: "concierge_login_csrf=\(form.cookie("concierge_login_csrf") ?? "")")
                // then they land on that workspace page, and only on one of this site
                #expect(signIn.headers[.location] == landing, "next=\(next)")
            }
        }
    }

    @Test func aWrongPasswordShowsTheFormAgainWithAMessage() async throws {
        try await withAPI { platform, client in
            // given a tenant
            let tenant = try await platform.makeTenant().tenant
            let form = try await client.page(.get, "/agent/login", headers: [.acceptLanguage: "en"])
            // when someone signs in with a wrong password
            let response = try await client.page(
                .post, "/agent/login",
                form: [
                    "csrf_token": form.hiddenValue("csrf_token") ?? "", "tenant": tenant.slug.description,
                    "email": "nobody@example.cn", "password": "wrong",
                ],
                cookie: "concierge_login_csrf=\(form.cookie("concierge_login_csrf") ?? "")",
                headers: [.acceptLanguage: "en"])
            // then the form says so, without a session
            #expect(response.status == .unauthorized)
            #expect(response.body.contains("The company, email or password is incorrect."))
            #expect(response.cookie("concierge_session") == nil)
            // and a sign-in form posted without its double-submit cookie (from another site) is refused
            let forged = try await client.page(
                .post, "/agent/login",
                form: [
                    "csrf_token": form.hiddenValue("csrf_token") ?? "", "tenant": tenant.slug.description,
                    "email": "nobody@example.cn", "password": "wrong",
                ],
                headers: [.acceptLanguage: "en"])
            #expect(forged.status == .forbidden && forged.body.contains("The sign-in form expired."))
        }
    }

    @Test func aFormPostWithoutTheCSRFTokenIsRefused() async throws {
        try await withAPI { platform, client in
            // given a signed-in agent and a ticket
            let browser = try await AgentBrowser.signIn(platform, client)
            let ticket = try await Self.ticket(platform, browser)
            let path = "/agent/tickets/\(ticket.number)/update"
            // when a form changes the ticket without the session's CSRF token
            let refused = try await browser.post(
                path, ["status": "open", "version": "\(ticket.version)"], withToken: false)
            // then it is refused and nothing changes
            #expect(refused.status == .forbidden)
            #expect(refused.headers[.contentSecurityPolicy] == Self.policy)
            let unchanged = try await platform.tickets.get(.id(ticket.id), tenant: browser.tenant)
            #expect(unchanged.status == .new)
            // and with the token it goes through
            let accepted = try await browser.post(path, ["status": "open", "version": "\(ticket.version)"])
            #expect(accepted.status == .seeOther)
            #expect(try await platform.tickets.get(.id(ticket.id), tenant: browser.tenant).status == .open)
        }
    }

    @Test func choosingNobodyUnassignsTheTicketAndNoGroupClearsIt() async throws {
        try await withAPI { platform, client in
            // given a ticket assigned to the agent, in a group
            let browser = try await AgentBrowser.signIn(platform, client)
            let group = try await platform.groups.create(
                .init(key: "tier2", name: "二线"), actor: .system("t"), tenant: browser.tenant)
            let ticket = try await platform.tickets.update(
                .id(try await Self.ticket(platform, browser).id),
                TicketChange(assigneeID: .some(browser.user), groupID: .some(group.id)), expectedVersion: nil,
                actor: .system("t"), tenant: browser.tenant)
            // when the properties form is saved with "— none —" for both (empty values)
            let saved = try await browser.post(
                "/agent/tickets/\(ticket.number)/update",
                pairs: [
                    ("version", "\(ticket.version)"), ("status", "new"), ("priority", "normal"), ("assignee_id", ""),
                    ("group_id", ""),
                ])
            // then both are cleared
            #expect(saved.cookie("concierge_flash") == "ticket_updated")
            let after = try await platform.tickets.get(.id(ticket.id), tenant: browser.tenant)
            #expect(after.assigneeID == nil && after.groupID == nil)
        }
    }

    @Test func emptyFormValuesAreKeptAsEmptyAndNamelessPairsDropped() {
        let pairs = PublicPage.formPairs("a=&b=x+y&c&=z&d=%E4%B8%AD")
        #expect(pairs.map(\.name) == ["a", "b", "c", "d"])
        #expect(pairs.map(\.value) == ["", "x y", "", "中"])
    }

    @Test func everyPageCarriesTheSecurityHeaders() async throws {
        try await withAPI { platform, client in
            // given a signed-in agent and a ticket
            let browser = try await AgentBrowser.signIn(platform, client)
            let ticket = try await Self.ticket(platform, browser)
            // then the sign-in page, the list and the ticket page carry a strict policy
            for response in [
                try await client.page(.get, "/agent/login"), try await browser.get("/agent/tickets"),
                try await browser.get("/agent/tickets/\(ticket.number)"),
            ] {
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy] == Self.policy)
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
                #expect(!response.body.contains("<script>"), "no inline script")
            }
            // and the assets are served with a long cache
            let css = try await client.page(.get, "/assets/app.css")
            #expect(css.status == .ok && css.headers[.cacheControl]?.contains("max-age=31536000") == true)
            let script = try await client.page(.get, "/assets/app.js")
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(try await client.page(.get, "/assets/../Package.swift").status == .notFound)
        }
    }

    @Test func aScriptInASubjectIsShownAsText() async throws {
        try await withAPI { platform, client in
            // given a ticket whose subject is a script
            let browser = try await AgentBrowser.signIn(platform, client)
            let ticket = try await Self.ticket(platform, browser, subject: "<script>alert(1)</script>")
            // then the list and the ticket page show it escaped
            for path in ["/agent/tickets", "/agent/tickets/\(ticket.number)"] {
                let page = try await browser.get(path)
                #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
                #expect(!page.body.contains("<script>alert(1)"), "\(path)")
            }
        }
    }

    @Test func thePagesSpeakTheTenantsLanguageUnlessTheUserChoseAnother() async throws {
        try await withAPI { platform, client in
            // given an agent of a zh-CN tenant without a language of their own
            let chinese = try await AgentBrowser.signIn(platform, client)
            let page = try await chinese.get("/agent/tickets")
            // then the list is in Chinese
            #expect(page.body.contains("<html lang=\"zh-CN\">") && page.body.contains("全部工单"))
            #expect(page.body.contains("当前用户：张坐席"))
            // and an agent who chose English reads English
            let english = try await AgentBrowser.signIn(platform, client, locale: .en)
            let englishPage = try await english.get("/agent/tickets")
            #expect(englishPage.body.contains("<html lang=\"en\">") && englishPage.body.contains("All tickets"))
            #expect(!englishPage.body.contains("全部工单"))
        }
    }

    @Test func aChangeAgainstAnOutdatedVersionShowsAConflict() async throws {
        try await withAPI { platform, client in
            // given a ticket page read at version 1, then changed by someone else
            let browser = try await AgentBrowser.signIn(platform, client, locale: .en)
            let ticket = try await Self.ticket(platform, browser)
            _ = try await platform.tickets.update(
                .id(ticket.id), TicketChange(priority: .high), expectedVersion: nil, actor: .system("t"),
                tenant: browser.tenant)
            // when the agent saves the form they read
            let stale = try await browser.post(
                "/agent/tickets/\(ticket.number)/update",
                ["status": "pending", "priority": "normal", "version": "\(ticket.version)"])
            // then nothing is overwritten and the ticket page explains the conflict
            #expect(stale.status == .seeOther && stale.cookie("concierge_flash") == "conflict")
            let after = try await platform.tickets.get(.id(ticket.id), tenant: browser.tenant)
            #expect(after.status == .new && after.priority == .high)
            let page = try await browser.get(
                "/agent/tickets/\(ticket.number)", extraCookie: "concierge_flash=conflict")
            #expect(page.body.contains("Someone else changed this ticket after you opened it."))
        }
    }

    @Test func repliesAndInternalNotesAreShownDifferently() async throws {
        try await withAPI { platform, client in
            // given a ticket
            let browser = try await AgentBrowser.signIn(platform, client)
            let ticket = try await Self.ticket(platform, browser)
            let path = "/agent/tickets/\(ticket.number)"
            // when the agent replies and writes an internal note
            let reply = try await browser.post(path + "/reply", ["body": "您好，我们马上处理", "visibility": "public"])
            let note = try await browser.post(path + "/reply", ["body": "需要备件", "visibility": "internal"])
            #expect(reply.cookie("concierge_flash") == "reply_posted" && note.cookie("concierge_flash") == "note_added")
            // then the conversation shows each with its own style
            let page = try await browser.get(path)
            #expect(page.body.contains("comment comment--public") && page.body.contains("您好，我们马上处理"))
            #expect(page.body.contains("comment comment--internal") && page.body.contains("需要备件"))
            let comments = try await platform.conversation.list(
                .id(ticket.id), includeInternal: true, after: nil, limit: 10, tenant: browser.tenant)
            #expect(comments.map(\.isPublic) == [true, false])
        }
    }

    @Test func theListNarrowsByViewStatusAndTextAndPagesWithACursor() async throws {
        try await withAPI { platform, client in
            // given 27 tickets, one of them urgent, and a view of urgent tickets
            let browser = try await AgentBrowser.signIn(platform, client, locale: .en)
            for index in 1...26 { _ = try await Self.ticket(platform, browser, subject: "空调不制冷 \(index)") }
            _ = try await platform.tickets.create(
                NewTicket(
                    subject: "服务器宕机", description: "机房断电",
                    requester: .contact(email: "ops@example.cn", phone: nil, name: "运维"), priority: .urgent),
                actor: .system("t"), tenant: browser.tenant)
            let identity = Identity(
                tenantID: browser.tenant, role: .agent, userID: browser.user, credential: .session(csrfToken: ""))
            _ = try await platform.views.create(
                key: "urgent", title: "紧急 & 重要", filters: ViewFilters(priorities: [.urgent]), shared: false,
                identity: identity)
            // then the list shows a page of 25 and a link to the rest
            let first = try await browser.get("/agent/tickets")
            #expect(first.rowCount == 25)
            #expect(
                first.body.contains(
                    #"紧急 &amp; 重要</span> <span class="count" data-testid="view-count" data-count-for="urgent">"#))
            let counts = try await browser.get("/agent/views/counts")
            #expect(counts.body.contains(#""urgent":"1""#))
            let next = try #require(first.link("next-page"))
            let second = try await browser.get(next)
            #expect(second.rowCount == 2 && second.link("next-page") == nil)
            // and the view, the search and the status narrow it
            let view = try await browser.get("/agent/tickets?view=urgent")
            #expect(view.rowCount == 1 && view.body.contains("服务器宕机"))
            let search = try await browser.get("/agent/tickets?q=%E5%AE%95%E6%9C%BA")
            #expect(search.rowCount == 1 && search.body.contains("服务器宕机"))
            let solved = try await browser.get("/agent/tickets?status=solved&sort=-created_at")
            #expect(solved.rowCount == 0 && solved.body.contains("No tickets match."))
            #expect(try await browser.get("/agent/tickets?view=nope").status == .notFound)
        }
    }

    @Test func theHistorySaysWhoChangedWhichFieldFromWhatToWhat() async throws {
        try await withAPI { platform, client in
            // given a ticket the agent takes and puts on pending through the form
            let browser = try await AgentBrowser.signIn(platform, client, locale: .en)
            let ticket = try await Self.ticket(platform, browser)
            _ = try await browser.post(
                "/agent/tickets/\(ticket.number)/update",
                [
                    "status": "pending", "priority": "normal", "assignee_id": "\(browser.user)", "group_id": "",
                    "version": "\(ticket.version)",
                ])
            // then the history reads as sentences in the agent's language, with names
            let page = try await browser.get("/agent/tickets/\(ticket.number)")
            #expect(page.body.contains("Ticket updated"))
            #expect(page.body.contains("Status: New → Pending"))
            #expect(page.body.contains("Assignee: — none — → 张坐席"))
            #expect(page.body.contains("by 张坐席"))
            #expect(page.body.contains("<dd>API</dd>"), "the channel's label")
        }
    }

    @Test func bothCataloguesHaveTheSameKeys() throws {
        let resources = WebResources.bundled
        let chinese = Set(resources.catalogue(.zhCN).strings.keys)
        let english = Set(resources.catalogue(.en).strings.keys)
        #expect(!chinese.isEmpty)
        #expect(chinese == english, "only in one: \(chinese.symmetricDifference(english).sorted())")
    }
}
