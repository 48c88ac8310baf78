import ConciergeConnectors
import ConciergeCore
import ConciergeDomain
import ConciergePeerTestSupport
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import NIOCore
import Testing

/// Mail into tickets with real peers: a private Dovecot polled by the scheduler's poller, and
/// swaks delivering to the inbound SMTP endpoint.
@Suite(.serialized)
struct MailboxEndToEndTests {
    static func mail(id: String, subject: String, body: String, headers: [String] = []) -> [UInt8] {
        EmailIntakeTests.message(id: id, subject: subject, body: body, headers: headers)
    }

    @Test("The poller reads a Dovecot mailbox into tickets and replies, once, and goes on from its cursor")
    func pollerReadsDovecot() async throws {
        try #require(DovecotTestServer.isAvailable, "needs dovecot-imapd, perl, openssl and root")
        try await DovecotTestServer.run { dovecot in
            try await withTestPlatform(extra: ConnectorPipelineTests.extra) { platform in
                // given a mailbox polling Dovecot's INBOX, holding a new message
                let tenant = try await platform.makeTenant().tenant.id
                let json = """
                    {"key":"support","kind":"mailbox","settings":{"address":"support-\(tenant.description.prefix(8))@acme.example",
                     "imap_host":"127.0.0.1","imap_port":\(dovecot.imapPort),"imap_security":"plain",
                     "imap_username":"\(DovecotTestServer.username)"},
                     "secrets":{"imap_password":\(String(decoding: try JSONEncoder().encode(DovecotTestServer.password), as: UTF8.self))}}
                    """
                let mailbox = try await platform.connectors.create(
                    try JSONDecoder().decode(ConnectorDraft.self, from: Data(json.utf8)), tenant: tenant)
                try dovecot.deliver(Self.mail(id: "m1@example.cn", subject: "空调不制冷", body: "三楼会议室"))
                // when the poller runs, the customer answers, and the poller runs twice more
                let first = try await platform.mailboxPoller.poll(mailbox.id, tenant: tenant)
                try dovecot.deliver(
                    Self.mail(
                        id: "m2@example.cn", subject: "Re: 空调不制冷", body: "今天能来吗？",
                        headers: ["In-Reply-To: <m1@example.cn>"]))
                let second = try await platform.mailboxPoller.poll(mailbox.id, tenant: tenant)
                let third = try await platform.mailboxPoller.poll(mailbox.id, tenant: tenant)
                // then each message was read once: one ticket with the reply as its comment
                #expect(first == 1 && second == 1 && third == 0)
                let (page, _) = try await platform.tickets.list(TicketQuery(), tenant: tenant)
                #expect(page.tickets.map(\.subject) == ["空调不制冷"])
                let ticket = try #require(page.tickets.first)
                let comments = try await platform.conversation.list(
                    .id(ticket.id), includeInternal: true, after: nil, limit: 10, tenant: tenant)
                #expect(comments.map(\.body) == ["今天能来吗？"])
                // and a later message is read from the cursor on
                try dovecot.deliver(Self.mail(id: "m3@example.cn", subject: "打印机", body: "缺墨"))
                #expect(try await platform.mailboxPoller.poll(mailbox.id, tenant: tenant) == 1)
                let cursor = try await platform.store.transaction(tenant) { tx in
                    try await tx.emailMessages.cursor(of: mailbox.id)
                }
                #expect(cursor?.lastError == nil)
                #expect(cursor?.lastUID == 3)
            }
        }
    }

    @Test("A wrong password is kept on the cursor; nothing is read")
    func wrongPasswordIsRecorded() async throws {
        try #require(DovecotTestServer.isAvailable, "needs dovecot-imapd, perl, openssl and root")
        try await DovecotTestServer.run { dovecot in
            try await withTestPlatform(extra: ConnectorPipelineTests.extra) { platform in
                // given a mailbox with the wrong password
                let tenant = try await platform.makeTenant().tenant.id
                let json = """
                    {"key":"support","kind":"mailbox","settings":{"address":"bad-\(tenant.description.prefix(8))@acme.example",
                     "imap_host":"127.0.0.1","imap_port":\(dovecot.imapPort),"imap_security":"plain",
                     "imap_username":"\(DovecotTestServer.username)"},"secrets":{"imap_password":"wrong"}}
                    """
                let mailbox = try await platform.connectors.create(
                    try JSONDecoder().decode(ConnectorDraft.self, from: Data(json.utf8)), tenant: tenant)
                try dovecot.deliver(Self.mail(id: "w1@example.cn", subject: "x", body: "x"))
                // when polled, then nothing is read and the failure is on the cursor
                #expect(try await platform.mailboxPoller.poll(mailbox.id, tenant: tenant) == 0)
                let cursor = try await platform.store.transaction(tenant) { tx in
                    try await tx.emailMessages.cursor(of: mailbox.id)
                }
                #expect(cursor?.lastError?.isEmpty == false)
                #expect(cursor?.polledAt != nil)
            }
        }
    }

    @Test("Mail sent with swaks to a mailbox address becomes a ticket; unknown recipients are refused")
    func inboundSMTPOpensTickets() async throws {
        try #require(Swaks.isInstalled, "needs swaks")
        try await withTestPlatform(extra: ConnectorPipelineTests.extra) { platform in
            // given a mailbox address and the endpoint on a free port
            let tenant = try await platform.makeTenant().tenant.id
            let address = "help-\(tenant.description.prefix(8))@acme.example"
            _ = try await platform.connectors.create(
                try JSONDecoder().decode(
                    ConnectorDraft.self,
                    from: Data(#"{"key":"help","kind":"mailbox","settings":{"address":"\#(address)"}}"#.utf8)),
                tenant: tenant)
            let router = platform.inboundMail
            let server = try await InboundSMTPServer.bind(
                configuration: InboundSMTPConfiguration(host: "127.0.0.1", port: 0, serverName: "mx.test"),
                acceptsRecipient: { await router.accepts($0) },
                receiveMessage: { envelope, raw in try await router.deliver(raw, to: envelope.recipients) })
            let port = try #require(server.localAddress.port)
            let running = Task { await server.run() }
            defer { running.cancel() }
            // when a customer's mail and one for nobody are sent
            let sent = try await Swaks.send(
                port: port,
                [
                    "--from", "zhao@example.cn", "--to", address.uppercased(), "--header", "Subject: 门禁卡失效",
                    "--header", "Message-Id: <s1@example.cn>", "--body", "三号门刷不开",
                ])
            let refused = try await Swaks.send(
                port: port, ["--from", "zhao@example.cn", "--to", "nobody@acme.example", "--body", "x"])
            await server.shutdown(gracePeriod: .seconds(1))
            // then the first is a ticket from its sender and the second was refused with 550
            #expect(sent.status == 0, "\(sent.transcript)")
            #expect(refused.replyCodes.contains(550), "\(refused.transcript)")
            let (page, requesters) = try await platform.tickets.list(TicketQuery(), tenant: tenant)
            let ticket = try #require(page.tickets.first)
            #expect(page.tickets.count == 1)
            #expect(ticket.subject == "门禁卡失效")
            #expect(ticket.channel == .email)
            #expect(requesters[ticket.requesterID]?.emails == ["zhao@example.cn"])
        }
    }
}
