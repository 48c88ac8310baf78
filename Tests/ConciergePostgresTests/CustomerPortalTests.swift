import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

/// The customer portal's use case against the real database: sign-in links (single use,
/// expiry, another tenant's), sessions (expiry, sign-out, a merged-away customer), what a
/// customer sees of requests (only their own, only public comments and their files), replies,
/// "mark as solved", and the rating on the request's satisfaction survey.
@Suite struct CustomerPortalTests {
    static let actor = Actor.system("test")

    /// A clock the test moves.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date()
        var now: Date { lock.withLock { current } }
        func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
    }

    static func portal(_ platform: Platform, clock: Clock) -> CustomerPortal {
        portalAndFiles(platform, clock: clock).0
    }

    /// The portal and the attachments use case it stores files with (agents upload through it).
    static func portalAndFiles(_ platform: Platform, clock: Clock) -> (CustomerPortal, TicketAttachments) {
        let attachments = TicketAttachments(
            store: platform.store, storage: MemoryStorage(), policy: AttachmentPolicy(maxBytes: 1 << 20),
            now: { clock.now })
        let satisfaction = SatisfactionDesk(
            store: platform.store,
            directory: SatisfactionPostgresDirectory(client: platform.postgres, logger: platform.logger),
            policy: .init(delay: .seconds(3600), lifetime: .seconds(14 * 86400), publicURL: "https://help.example.cn"),
            now: { clock.now })
        let portal = CustomerPortal(
            store: platform.store, tenants: platform.tenants, limiter: platform.limiter, attachments: attachments,
            satisfaction: satisfaction,
            policy: .init(
                linkLifetime: .seconds(15 * 60), sessionLifetime: .seconds(7 * 86400),
                publicURL: "https://help.example.cn/"),
            now: { clock.now })
        return (portal, attachments)
    }

    /// Attachment bytes in memory.
    final class MemoryStorage: AttachmentStorage, @unchecked Sendable {
        private let lock = NSLock()
        private var files: [String: [UInt8]] = [:]
        func put(_ bytes: [UInt8], key: String) async throws { lock.withLock { files[key] = bytes } }
        func get(key: String) async throws -> [UInt8] {
            guard let bytes = lock.withLock({ files[key] }) else { throw AppError.notFound("file") }
            return bytes
        }
        func delete(key: String) async throws { _ = lock.withLock { files.removeValue(forKey: key) } }
    }

    /// A tenant, a customer (by a ticket they opened) and the link secret of the email asked for.
    static func linkFor(
        _ email: String, _ platform: Platform, _ portal: CustomerPortal, tenant: Tenant, locale: Tenant.Locale = .zhCN
    ) async throws -> String? {
        try await portal.requestLink(tenant: tenant, email: email, locale: locale, clientAddress: "198.51.100.7")
        let emails = try await platform.relayQueuedEmails().filter { $0.to == email.lowercased() }
        guard let body = emails.last?.body else { return nil }
        let line = body.split(separator: "\n").first { $0.contains("/portal/\(tenant.slug)/login/") }
        return line.map { String($0.split(separator: "/").last ?? "") }
    }

    static func tenantWithTicket(_ platform: Platform, email: String = "wang@example.cn") async throws -> (
        Tenant, Ticket
    ) {
        let tenant = try await platform.makeTenant().tenant
        let ticket = try await platform.tickets.create(
            NewTicket(
                subject: "打印机卡纸", description: "第二个纸盒卡纸",
                requester: .contact(email: email, phone: nil, name: "王工")),
            actor: actor, tenant: tenant.id)
        return (tenant, ticket)
    }

    @Test("A link is emailed only for a customer's address, works once, and retires the others")
    func linkIsSingleUse() async throws {
        try await withTestPlatform { platform in
            let clock = Clock()
            let portal = Self.portal(platform, clock: clock)
            let (tenant, ticket) = try await Self.tenantWithTicket(platform)
            // when an address that is nobody's asks for a link, then nothing is sent, and no error says so
            #expect(try await Self.linkFor("nobody@example.cn", platform, portal, tenant: tenant) == nil)
            // when the customer's address asks (twice), then each gets a link in Chinese, recorded without it
            let first = try #require(try await Self.linkFor("WANG@example.cn", platform, portal, tenant: tenant))
            let second = try #require(try await Self.linkFor("wang@example.cn", platform, portal, tenant: tenant))
            #expect(first.hasPrefix(CustomerPortal.linkPrefix) && first != second)
            let recorded = try await platform.store.transaction(tenant.id) { tx in
                try await tx.events.history(subjectType: "email", subjectID: "wang@example.cn")
            }.filter { $0.event.type == "email.queued" }
            #expect(recorded.count == 2)
            #expect(recorded.allSatisfy { $0.event.data["body"]?.stringValue?.contains(first) == false })
            #expect(recorded.allSatisfy { $0.event.data["subject"]?.stringValue?.contains("登录") == true })
            // when the link is opened, then it is not spent
            #expect(try await portal.linkStatus(tenant: tenant, secret: first) == .usable)
            #expect(try await portal.linkStatus(tenant: tenant, secret: first) == .usable)
            // when the customer signs in with it, then a session opens for the ticket's requester
            let signedIn = try await portal.signIn(tenant: tenant, secret: first)
            #expect(signedIn.customer.id == ticket.requesterID)
            #expect(signedIn.sessionSecret.hasPrefix(CustomerPortal.sessionPrefix))
            let visitor = try #require(
                try await portal.visitor(tenant: tenant, sessionSecret: signedIn.sessionSecret))
            #expect(visitor.customer.id == ticket.requesterID && !visitor.csrfToken.isEmpty)
            // then the link works once, and the other link was retired with it
            #expect(try await portal.linkStatus(tenant: tenant, secret: first) == .used)
            let again = await #expect(throws: AppError.self) {
                _ = try await portal.signIn(tenant: tenant, secret: first)
            }
            #expect(again?.code == "link_used")
            let other = await #expect(throws: AppError.self) {
                _ = try await portal.signIn(tenant: tenant, secret: second)
            }
            #expect(other?.code == "link_used")
            // then a made-up link is unknown
            #expect(try await portal.linkStatus(tenant: tenant, secret: "cpl_nothing") == .unknown)
            await #expect(throws: AppError.self) { _ = try await portal.signIn(tenant: tenant, secret: "cpl_nothing") }
            // when the customer signs out, then the session is over
            try await portal.signOut(tenant: tenant, sessionSecret: signedIn.sessionSecret)
            #expect(try await portal.visitor(tenant: tenant, sessionSecret: signedIn.sessionSecret) == nil)
        }
    }

    @Test("A link expires; a session expires; a link of one tenant is nothing in another")
    func expiryAndTenants() async throws {
        try await withTestPlatform { platform in
            let clock = Clock()
            let portal = Self.portal(platform, clock: clock)
            let (tenant, _) = try await Self.tenantWithTicket(platform)
            let (other, _) = try await Self.tenantWithTicket(platform)
            // given the same address is a customer in two tenants: a link of one does not open the other
            let link = try #require(try await Self.linkFor("wang@example.cn", platform, portal, tenant: tenant))
            #expect(try await portal.linkStatus(tenant: other, secret: link) == .unknown)
            let elsewhere = await #expect(throws: AppError.self) {
                _ = try await portal.signIn(tenant: other, secret: link)
            }
            #expect(elsewhere?.category == .notFound)
            // when 15 minutes pass, then the link has expired
            clock.advance(15 * 60 + 1)
            #expect(try await portal.linkStatus(tenant: tenant, secret: link) == .expired)
            let late = await #expect(throws: AppError.self) {
                _ = try await portal.signIn(tenant: tenant, secret: link)
            }
            #expect(late?.code == "link_expired")
            // when a fresh one signs in, then its session lasts seven days, and only in its tenant
            let fresh = try #require(try await Self.linkFor("wang@example.cn", platform, portal, tenant: tenant))
            let session = try await portal.signIn(tenant: tenant, secret: fresh).sessionSecret
            #expect(try await portal.visitor(tenant: other, sessionSecret: session) == nil)
            clock.advance(7 * 86400 - 60)
            #expect(try await portal.visitor(tenant: tenant, sessionSecret: session) != nil)
            clock.advance(120)
            #expect(try await portal.visitor(tenant: tenant, sessionSecret: session) == nil)
            // then the housekeeping purges what expired, of every tenant
            let purged = try await PortalAccessPostgresPurger(client: platform.postgres, logger: platform.logger)
                .purgeExpired(before: clock.now)
            #expect(purged >= 2)
        }
    }

    @Test("Links are rate-limited per address")
    func rateLimited() async throws {
        try await withTestPlatform { platform in
            let portal = Self.portal(platform, clock: Clock())
            let (tenant, _) = try await Self.tenantWithTicket(platform)
            for _ in 0..<5 {
                try await portal.requestLink(
                    tenant: tenant, email: "someone@example.cn", locale: .zhCN, clientAddress: "203.0.113.9")
            }
            let limited = await #expect(throws: AppError.self) {
                try await portal.requestLink(
                    tenant: tenant, email: "someone@example.cn", locale: .zhCN, clientAddress: "203.0.113.9")
            }
            #expect(limited?.category == .rateLimited)
            // then an address that is not one is refused
            let invalid = await #expect(throws: AppError.self) {
                try await portal.requestLink(tenant: tenant, email: "not-an-email", locale: .zhCN, clientAddress: "x")
            }
            #expect(invalid?.category == .invalidInput)
        }
    }

    @Test("A customer sees their own requests only, public comments only, and the files of those")
    func customersSeeOnlyTheirOwn() async throws {
        try await withTestPlatform { platform in
            let clock = Clock()
            let (portal, storage) = Self.portalAndFiles(platform, clock: clock)
            let (tenant, mine) = try await Self.tenantWithTicket(platform)
            let theirs = try await platform.tickets.create(
                NewTicket(
                    subject: "别人的请求", description: "不是你的",
                    requester: .contact(email: "li@example.cn", phone: nil, name: "李")),
                actor: Self.actor, tenant: tenant.id)
            let child = try await platform.tickets.create(
                NewTicket(
                    subject: "内部工单", description: "备件调拨", requester: .customer(mine.requesterID),
                    parentID: mine.id),
                actor: Self.actor, tenant: tenant.id)
            let agent = try await platform.users.create(
                .init(email: "zhang@acme.example", name: "张工", role: .agent), grantedBy: .owner, actor: Self.actor,
                tenant: tenant.id)
            // given an agent's public reply and an internal note, each with a file, and a file not sent yet
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]
            let publicFile = try await storage.upload(
                filename: "报价单.png", contentType: "image/png", bytes: png, to: .id(mine.id), actor: .user(agent.id),
                tenant: tenant.id)
            let internalFile = try await storage.upload(
                filename: "内部.png", contentType: "image/png", bytes: png, to: .id(mine.id), actor: .user(agent.id),
                tenant: tenant.id)
            let unsent = try await storage.upload(
                filename: "草稿.png", contentType: "image/png", bytes: png, to: .id(mine.id), actor: .user(agent.id),
                tenant: tenant.id)
            _ = try await platform.conversation.add(
                .init(body: "您好，已安排工程师。", isPublic: true, channel: .web, attachmentIDs: [publicFile.id]),
                to: .id(mine.id), author: .user(agent.id), actor: .user(agent.id), tenant: tenant.id)
            _ = try await platform.conversation.add(
                .init(body: "客户比较急，内部备注", isPublic: false, channel: .web, attachmentIDs: [internalFile.id]),
                to: .id(mine.id), author: .user(agent.id), actor: .user(agent.id), tenant: tenant.id)
            let link = try #require(try await Self.linkFor("wang@example.cn", platform, portal, tenant: tenant))
            let session = try await portal.signIn(tenant: tenant, secret: link).sessionSecret
            let visitor = try #require(try await portal.visitor(tenant: tenant, sessionSecret: session))
            // then the list holds my request only (not the other customer's, not the internal work)
            let page = try await portal.requests(visitor, filter: .all, cursor: nil)
            #expect(page.tickets.map(\.id) == [mine.id])
            #expect(try await portal.requests(visitor, filter: .solved, cursor: nil).tickets.isEmpty)
            // then the request shows the public reply with its file, never the note or its file
            let request = try await portal.request(visitor, number: mine.number)
            #expect(request.comments.map(\.body) == ["您好，已安排工程师。"])
            #expect(request.commentFiles.values.flatMap { $0 }.map(\.id) == [publicFile.id])
            #expect(request.requestFiles.isEmpty)
            #expect(request.agentNames[agent.id] == "张工")
            // then another customer's request, the internal work and unknown numbers are all not found
            for number in [theirs.number, child.number, 999_999] {
                let refused = await #expect(throws: AppError.self) {
                    _ = try await portal.request(visitor, number: number)
                }
                #expect(refused?.category == .notFound)
            }
            // then the public reply's file downloads; the note's and the unsent one do not
            #expect(try await portal.download(visitor, attachment: publicFile.id).1 == png)
            for hidden in [internalFile.id, unsent.id, AttachmentID()] {
                let refused = await #expect(throws: AppError.self) {
                    _ = try await portal.download(visitor, attachment: hidden)
                }
                #expect(refused?.category == .notFound)
            }
            // and no reply goes to someone else's request
            await #expect(throws: AppError.self) {
                _ = try await portal.reply(visitor, number: theirs.number, body: "你好", files: [])
            }
        }
    }

    @Test("A reply reopens a solved request; 'solved' and the rating land on the request and its survey")
    func replySolveAndRate() async throws {
        try await withTestPlatform { platform in
            let clock = Clock()
            let portal = Self.portal(platform, clock: clock)
            let (tenant, ticket) = try await Self.tenantWithTicket(platform)
            let link = try #require(try await Self.linkFor("wang@example.cn", platform, portal, tenant: tenant))
            let session = try await portal.signIn(tenant: tenant, secret: link).sessionSecret
            let visitor = try #require(try await portal.visitor(tenant: tenant, sessionSecret: session))
            _ = try await platform.tickets.update(
                .id(ticket.id), TicketChange(status: .solved), expectedVersion: nil, actor: Self.actor,
                tenant: tenant.id)
            // when the customer replies with a file, then the request reopens, the reply theirs
            let pdf = Array("%PDF-1.4 test".utf8)
            let comment = try await portal.reply(
                visitor, number: ticket.number, body: "还是卡纸",
                files: [PortalUpload(filename: "照片.pdf", contentType: "application/pdf", bytes: pdf)])
            #expect(comment.author == .customer(ticket.requesterID) && comment.isPublic)
            var request = try await portal.request(visitor, number: ticket.number)
            #expect(request.ticket.status == .open)
            #expect(request.commentFiles[comment.id]?.map(\.filename) == ["照片.pdf"])
            // when a file is refused, then nothing is sent
            let refused = await #expect(throws: AppError.self) {
                _ = try await portal.reply(
                    visitor, number: ticket.number, body: "脚本",
                    files: [PortalUpload(filename: "x.png", contentType: "image/png", bytes: Array("<script>".utf8))])
            }
            #expect(refused?.field == "files[0]")
            #expect(try await portal.request(visitor, number: ticket.number).comments.count == 1)
            // when the customer rates before it is solved, then it is refused
            let early = await #expect(throws: AppError.self) {
                _ = try await portal.rate(visitor, number: ticket.number, rating: 5, comment: nil)
            }
            #expect(early?.code == "not_solved")
            // when the customer marks it solved and rates it, then the rating counts once
            let solved = try await portal.markSolved(visitor, number: ticket.number)
            #expect(solved.status == .solved)
            request = try await portal.request(visitor, number: ticket.number)
            #expect(request.canRate)
            let survey = try await portal.rate(visitor, number: ticket.number, rating: 4, comment: "  快  ")
            #expect(survey.rating == 4 && survey.comment == "快")
            let twice = await #expect(throws: AppError.self) {
                _ = try await portal.rate(visitor, number: ticket.number, rating: 1, comment: nil)
            }
            #expect(twice?.code == "already_answered")
            request = try await portal.request(visitor, number: ticket.number)
            #expect(!request.canRate && request.survey?.rating == 4)
            // then the survey email is not sent any more, and the results and the customer 360 count it
            let desk = SatisfactionDesk(
                store: platform.store,
                directory: SatisfactionPostgresDirectory(client: platform.postgres, logger: platform.logger),
                policy: .init(publicURL: "https://help.example.cn"), now: { Date().addingTimeInterval(7200) })
            try await desk.planSurvey(for: ticket.id, tenant: tenant.id)  // the worker, late
            #expect(try await desk.sendDue(tenant: tenant.id) == 0)
            let results = try await desk.results(kind: .csat, agent: nil, from: nil, to: nil, tenant: tenant.id)
            #expect(results.summary.responses == 1 && results.summary.average == 4)
            let profile = try await platform.customers.profile360(ticket.requesterID, tenant: tenant.id)
            #expect(profile.satisfaction.first?.rating == 4)
            let history = try await platform.store.transaction(tenant.id) { tx in
                try await tx.events.history(subjectType: "ticket", subjectID: ticket.id.description)
            }
            #expect(
                history.contains {
                    $0.event.type == "ticket.satisfaction_received" && $0.event.data["source"] == .string("portal")
                })
            #expect(history.contains { $0.event.type == "ticket.updated" && $0.event.actor == visitor.actor })
            // when the request is closed, then it takes no reply
            _ = try await platform.tickets.update(
                .id(ticket.id), TicketChange(status: .closed), expectedVersion: nil, actor: Self.actor,
                tenant: tenant.id)
            let closed = await #expect(throws: AppError.self) {
                _ = try await portal.reply(visitor, number: ticket.number, body: "再问一下", files: [])
            }
            #expect(closed?.code == "ticket_closed")
        }
    }

    @Test("A link handed out by the platform's operator (concierge portal link) is recorded and signs in once")
    func issuedLink() async throws {
        try await withTestPlatform { platform in
            let portal = Self.portal(platform, clock: Clock())
            let (tenant, ticket) = try await Self.tenantWithTicket(platform)
            #expect(
                try await portal.issueLink(tenant: tenant, email: "nobody@example.cn", actor: .system("cli")) == nil)
            let link = try #require(
                try await portal.issueLink(
                    tenant: tenant, email: "Wang@Example.cn", actor: .system("cli"),
                    returningTo: "/portal/\(tenant.slug)/requests/\(ticket.number)"))
            #expect(link.hasPrefix("https://help.example.cn/portal/\(tenant.slug)/login/cpl_"))
            #expect(link.hasSuffix("?next=/portal/\(tenant.slug)/requests/\(ticket.number)"))
            #expect(try await platform.relayQueuedEmails().isEmpty)
            let recorded = try await platform.store.transaction(tenant.id) { tx in
                try await tx.events.history(subjectType: "customer", subjectID: ticket.requesterID.description)
            }
            #expect(
                recorded.contains { $0.event.type == "customer.portal_link_issued" && $0.event.actor == .system("cli") }
            )
            let afterLogin = link[try #require(link.range(of: "/login/")).upperBound...]
            let secret = String(afterLogin.prefix { $0 != "?" })
            #expect(try await portal.signIn(tenant: tenant, secret: secret).customer.id == ticket.requesterID)
        }
    }

    @Test("Merging the customer away ends their sessions")
    func mergedCustomerSessionEnds() async throws {
        try await withTestPlatform { platform in
            let portal = Self.portal(platform, clock: Clock())
            let (tenant, ticket) = try await Self.tenantWithTicket(platform)
            let other = try await platform.tickets.create(
                NewTicket(
                    subject: "另一个", description: "同一个人",
                    requester: .contact(email: "wang2@example.cn", phone: nil, name: "王工")),
                actor: Self.actor, tenant: tenant.id)
            let link = try #require(try await Self.linkFor("wang@example.cn", platform, portal, tenant: tenant))
            let session = try await portal.signIn(tenant: tenant, secret: link).sessionSecret
            _ = try await platform.customers.merge(
                ticket.requesterID, into: other.requesterID, actor: Self.actor, tenant: tenant.id)
            #expect(try await portal.visitor(tenant: tenant, sessionSecret: session) == nil)
        }
    }
}
