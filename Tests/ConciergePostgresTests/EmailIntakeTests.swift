import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

/// Inbound email through the real MIME parser into real Postgres: new tickets, threading by
/// headers and by subject tag, duplicates, machines, the per-sender rate, follow-ups, charsets.
@Suite(.serialized)
struct EmailIntakeTests {
    struct Mailbox {
        var tenant: TenantID
        var id: ConnectorID
        var group: GroupID
    }

    /// A tenant with a group and a mailbox connector for support@acme.example routing into it.
    static func mailbox(_ platform: Platform, senderLimit: Int = 20) async throws -> Mailbox {
        let tenant = try await platform.makeTenant().tenant.id
        let group = try await platform.groups.create(
            .init(key: "support", name: "客服", memberIDs: []), actor: .system("test"), tenant: tenant)
        let json = """
            {"key":"support","kind":"mailbox","name":"Support","settings":{"address":"Support-\(tenant.description.prefix(8))@Acme.example",
             "group_id":"\(group.id)","sender_limit_per_hour":\(senderLimit)}}
            """
        let connector = try await platform.connectors.create(
            try JSONDecoder().decode(ConnectorDraft.self, from: Data(json.utf8)), tenant: tenant)
        return Mailbox(tenant: tenant, id: connector.id, group: group.id)
    }

    /// A plain-text message; `headers` go above the body as they are.
    static func message(
        id: String, from: String = "王小明 <wang@example.cn>", subject: String, body: String, headers: [String] = []
    ) -> [UInt8] {
        let lines =
            [
                "From: \(from)", "To: support@acme.example", "Subject: \(subject)", "Message-ID: <\(id)>",
                "Date: Mon, 23 Nov 2026 10:00:00 +0800", "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
            ]
            + headers + ["", body]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    static func receive(_ raw: [UInt8], _ platform: Platform, _ mailbox: Mailbox) async throws -> EmailIntakeOutcome {
        try await platform.emailIntake.receive(raw, mailbox: mailbox.id, tenant: mailbox.tenant)
    }

    static func comments(_ ticket: TicketID, _ platform: Platform, _ tenant: TenantID) async throws -> [ConciergeDomain
        .Comment]
    {
        try await platform.conversation.list(.id(ticket), includeInternal: true, after: nil, limit: 100, tenant: tenant)
    }

    @Test("A new message opens an email ticket in the mailbox's group, once")
    func newMessageOpensTicketOnce() async throws {
        try await withTestPlatform(extra: ConnectorPipelineTests.extra) { platform in
            // given a mailbox and a customer's first message
            let box = try await Self.mailbox(platform)
            let raw = Self.message(id: "first@example.cn", subject: "打印机卡纸", body: "型号 HP-1020，一直卡纸。")
            // when it arrives twice (an IMAP re-read, an MX retrying)
            let outcome = try await Self.receive(raw, platform, box)
            let again = try await Self.receive(raw, platform, box)
            // then one ticket exists, from the sender, on the email channel, in the group
            guard case .created(let id) = outcome else {
                Issue.record("got \(outcome)")
                return
            }
            #expect(again == .duplicate)
            let ticket = try await platform.tickets.get(.id(id), tenant: box.tenant)
            #expect(ticket.subject == "打印机卡纸")
            #expect(ticket.description == "型号 HP-1020，一直卡纸。")
            #expect(ticket.channel == .email)
            #expect(ticket.groupID == box.group)
            let requester = try await platform.customers.get(ticket.requesterID, tenant: box.tenant)
            #expect(requester.emails == ["wang@example.cn"])
            #expect(requester.name == "王小明")
        }
    }

    @Test("A reply threads by In-Reply-To, keeps only the new text and reopens a solved ticket")
    func replyThreadsByHeaders() async throws {
        try await withTestPlatform(extra: ConnectorPipelineTests.extra) { platform in
            // given a ticket from a first message, since solved
            let box = try await Self.mailbox(platform)
            guard
                case .created(let id) = try await Self.receive(
                    Self.message(id: "a1@example.cn", subject: "退货申请", body: "订单 8812 要退货"), platform, box)
            else {
                Issue.record("no ticket")
                return
            }
            _ = try await platform.tickets.update(
                .id(id), TicketChange(status: .solved), expectedVersion: nil, actor: .system("test"), tenant: box.tenant
            )
            // when the customer answers, quoting the earlier mail, under a changed subject
            let reply = Self.message(
                id: "a2@example.cn", subject: "Re: 回复：退货申请", body: "还没有收到退款。\r\n\r\n在 2026年11月22日 写道：\r\n> 订单 8812 要退货",
                headers: ["In-Reply-To: <a1@example.cn>", "References: <a1@example.cn>"])
            let outcome = try await Self.receive(reply, platform, box)
            // then it is a public comment by the requester with the new text only, and the ticket is open again
            guard case .replied(let ticketID, _) = outcome else {
                Issue.record("got \(outcome)")
                return
            }
            #expect(ticketID == id)
            let comments = try await Self.comments(id, platform, box.tenant)
            #expect(comments.last?.body == "还没有收到退款。")
            #expect(comments.last?.isPublic == true)
            #expect(comments.last?.channel == .email)
            let ticket = try await platform.tickets.get(.id(id), tenant: box.tenant)
            if case .customer(let author)? = comments.last?.author {
                #expect(author == ticket.requesterID)
            } else {
                Issue.record("author is \(String(describing: comments.last?.author))")
            }
            #expect(ticket.status == .open)
        }
    }

    @Test("A subject tag threads mail from the requester, not from a stranger")
    func subjectTagThreadsOnlyForTheRequester() async throws {
        try await withTestPlatform(extra: ConnectorPipelineTests.extra) { platform in
            // given a ticket opened by mail
            let box = try await Self.mailbox(platform)
            guard
                case .created(let id) = try await Self.receive(
                    Self.message(id: "t1@example.cn", subject: "发票", body: "请开发票"), platform, box)
            else {
                Issue.record("no ticket")
                return
            }
            let number = try await platform.tickets.get(.id(id), tenant: box.tenant).number
            // when the requester writes with the tag but no headers, and a stranger does the same
            let own = try await Self.receive(
                Self.message(id: "t2@example.cn", subject: "[#\(number)] 发票抬头", body: "抬头：某某公司"), platform, box)
            let stranger = try await Self.receive(
                Self.message(
                    id: "t3@example.cn", from: "mallory@evil.example", subject: "Re: [#\(number)] 发票",
                    body: "改成我的地址"), platform, box)
            // then the requester's mail is a reply and the stranger's a new ticket
            guard case .replied(let threaded, _) = own else {
                Issue.record("got \(own)")
                return
            }
            #expect(threaded == id)
            guard case .created(let other) = stranger else {
                Issue.record("got \(stranger)")
                return
            }
            #expect(other != id)
        }
    }

    @Test("Machines are dropped, and a chatty sender stops at the hourly limit")
    func automaticMailAndSenderRateAreDropped() async throws {
        try await withTestPlatform(extra: ConnectorPipelineTests.extra) { platform in
            // given a mailbox allowing two messages per sender and hour
            let box = try await Self.mailbox(platform, senderLimit: 2)
            // when an out-of-office reply and a bounce arrive
            let autoReply = try await Self.receive(
                Self.message(
                    id: "ooo@example.cn", subject: "自动回复: 休假中", body: "我正在休假",
                    headers: ["Auto-Submitted: auto-replied"]), platform, box)
            let bounce = try await Self.receive(
                Self.message(
                    id: "b@example.cn", from: "MAILER-DAEMON@mx.example.cn", subject: "Undelivered", body: "failed"),
                platform, box)
            // then neither opens a ticket
            guard case .dropped(let reason) = autoReply, case .dropped = bounce else {
                Issue.record("got \(autoReply), \(bounce)")
                return
            }
            #expect(reason.hasPrefix("automatic"))
            // when one sender writes three new messages within the hour
            var outcomes: [EmailIntakeOutcome] = []
            for index in 1...3 {
                outcomes.append(
                    try await Self.receive(
                        Self.message(
                            id: "r\(index)@example.cn", from: "loop@example.com", subject: "问题 \(index)", body: "x"),
                        platform, box))
            }
            // then the third is dropped for the rate
            #expect(outcomes.prefix(2).allSatisfy { if case .created = $0 { true } else { false } })
            #expect(outcomes.last == .dropped(reason: "sender_rate"))
        }
    }

    @Test("A reply to a closed ticket opens a follow-up")
    func replyToClosedTicketOpensFollowUp() async throws {
        try await withTestPlatform(extra: ConnectorPipelineTests.extra) { platform in
            // given a closed ticket
            let box = try await Self.mailbox(platform)
            guard
                case .created(let id) = try await Self.receive(
                    Self.message(id: "c1@example.cn", subject: "安装", body: "上门安装"), platform, box)
            else {
                Issue.record("no ticket")
                return
            }
            for status in [TicketStatus.solved, .closed] {
                _ = try await platform.tickets.update(
                    .id(id), TicketChange(status: status), expectedVersion: nil, actor: .system("test"),
                    tenant: box.tenant)
            }
            // when the customer replies to it
            let outcome = try await Self.receive(
                Self.message(
                    id: "c2@example.cn", subject: "Re: 安装", body: "又坏了", headers: ["In-Reply-To: <c1@example.cn>"]),
                platform, box)
            // then a new ticket tagged follow_up holds the message
            guard case .created(let followUp) = outcome else {
                Issue.record("got \(outcome)")
                return
            }
            #expect(followUp != id)
            let ticket = try await platform.tickets.get(.id(followUp), tenant: box.tenant)
            #expect(ticket.tags == ["follow_up"])
            #expect(ticket.description == "又坏了")
        }
    }

    @Test("GBK mail with a base64 subject and an attachment is read and kept")
    func legacyChineseMailWithAttachment() async throws {
        try await withTestPlatform(extra: ConnectorPipelineTests.extra) { platform in
            // given a Foxmail-style GBK message with a PNG attached
            let box = try await Self.mailbox(platform)
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]
            // "你好" in GBK: C4 E3 BA C3; subject =?GBK?B?xOO6ww==?=
            var raw = Array(
                """
                From: =?GBK?B?xOO6ww==?= <li@example.cn>\r
                To: support@acme.example\r
                Subject: =?GBK?B?xOO6ww==?=\r
                Message-ID: <gbk@example.cn>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="XX"\r
                \r
                --XX\r
                Content-Type: text/plain; charset=GBK\r
                Content-Transfer-Encoding: 8bit\r
                \r

                """.utf8)
            raw += [0xC4, 0xE3, 0xBA, 0xC3]
            raw += Array(
                """
                \r
                --XX\r
                Content-Type: image/png; name="screen.png"\r
                Content-Disposition: attachment; filename="screen.png"\r
                Content-Transfer-Encoding: base64\r
                \r
                \(Data(png).base64EncodedString())\r
                --XX--\r

                """.utf8)
            // when it arrives
            let outcome = try await Self.receive(raw, platform, box)
            // then subject and text are Chinese and the image is on the ticket, bytes intact
            guard case .created(let id) = outcome else {
                Issue.record("got \(outcome)")
                return
            }
            let ticket = try await platform.tickets.get(.id(id), tenant: box.tenant)
            #expect(ticket.subject == "你好")
            #expect(ticket.description == "你好")
            let attachments = try await platform.attachments.list(.id(id), tenant: box.tenant)
            #expect(attachments.map(\.filename) == ["screen.png"])
            let (_, bytes) = try await platform.attachments.download(
                try #require(attachments.first).id, tenant: box.tenant)
            #expect(bytes == png)
        }
    }

    @Test("A mailbox of one tenant cannot be used for another")
    func mailboxIsTenantBound() async throws {
        try await withTestPlatform(extra: ConnectorPipelineTests.extra) { platform in
            // given a mailbox of tenant A and another tenant B
            let box = try await Self.mailbox(platform)
            let other = try await platform.makeTenant().tenant.id
            // when mail is handed to B with A's mailbox, then it is refused and nothing is written in B
            await #expect(throws: AppError.self) {
                try await platform.emailIntake.receive(
                    Self.message(id: "x@example.cn", subject: "x", body: "x"), mailbox: box.id, tenant: other)
            }
            let (page, _) = try await platform.tickets.list(TicketQuery(), tenant: other)
            #expect(page.tickets.isEmpty)
        }
    }
}
