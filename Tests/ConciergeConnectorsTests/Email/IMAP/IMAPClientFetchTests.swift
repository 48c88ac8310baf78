import ConciergeConnectors
import ConciergePeerTestSupport
import Testing

// Serialized: one Dovecot at a time per suite keeps the load on a 2-core machine bearable for
// the timing-sensitive tests that run alongside.
@Suite(
    "IMAPClient fetches new mail from Dovecot", .enabled(if: DovecotTestServer.isAvailable, "needs dovecot, root"),
    .serialized,
    .timeLimit(.minutes(2)))
struct IMAPClientFetchTests {
    @Test("several messages, a 3 MB attachment and GBK 8-bit bytes arrive byte for byte")
    func fetchesMessagesByteForByte() async throws {
        try await DovecotTestServer.run { server in
            // given
            let delivered = [TestMail.plain("A-1"), TestMail.gbk, TestMail.withAttachment(size: 2_300_000)]
            for message in delivered { try server.deliver(message) }

            // when: in plaintext, since decrypting 3 MB in a debug build would hold up the event
            // loops other tests share; TLS has its own tests
            let batch = try await server.client(security: .plain).fetchNew(sinceUID: nil, uidValidity: nil, limit: 10)

            // then
            #expect(batch.messages.count == 3)
            #expect(Set(batch.messages.map(\.rawBytes)) == Set(delivered))
            #expect(batch.messages.map(\.uid) == batch.messages.map(\.uid).sorted())
            #expect(batch.nextSinceUID == batch.messages.last?.uid)
            #expect(batch.uidValidity != 0 && !batch.uidValidityChanged && !batch.hasMore)
            #expect(batch.messages.contains { $0.rawBytes.count > 3_000_000 })
        }
    }

    @Test("the cursor advances: the next poll returns only newer messages, in batches of the limit")
    func cursorAdvances() async throws {
        try await DovecotTestServer.run { server in
            // given
            let client = try server.client(security: .plain)
            for tag in ["B-1", "B-2", "B-3"] { try server.deliver(TestMail.plain(tag)) }

            // when
            let first = try await client.fetchNew(sinceUID: nil, uidValidity: nil, limit: 2)
            let second = try await client.fetchNew(
                sinceUID: first.nextSinceUID, uidValidity: first.uidValidity, limit: 2)
            try server.deliver(TestMail.plain("B-4"))
            let third = try await client.fetchNew(
                sinceUID: second.nextSinceUID, uidValidity: second.uidValidity, limit: 2)
            let fourth = try await client.fetchNew(
                sinceUID: third.nextSinceUID, uidValidity: third.uidValidity, limit: 2)

            // then
            #expect(first.messages.count == 2 && first.hasMore)
            #expect(second.messages.count == 1 && !second.hasMore)
            #expect(third.messages.map(\.rawBytes) == [TestMail.plain("B-4")])
            #expect(fourth.messages.isEmpty && fourth.nextSinceUID == third.nextSinceUID)
            let uids = (first.messages + second.messages + third.messages).map(\.uid)
            #expect(uids == uids.sorted() && Set(uids).count == 4)
        }
    }

    @Test("a changed UIDVALIDITY is reported and the poll starts over with the unseen messages")
    func changedUIDValidityStartsOver() async throws {
        try await DovecotTestServer.run { server in
            // given
            let client = try server.client(security: .plain)
            try server.deliver(TestMail.plain("C-1"))
            let before = try await client.fetchNew(sinceUID: nil, uidValidity: nil, limit: 10)
            try server.forgetUIDs()

            // when
            let after = try await client.fetchNew(
                sinceUID: before.nextSinceUID, uidValidity: before.uidValidity, limit: 10)

            // then
            #expect(after.uidValidityChanged)
            #expect(after.uidValidity != before.uidValidity)
            #expect(after.messages.map(\.rawBytes) == [TestMail.plain("C-1")])
            #expect(after.nextSinceUID == after.messages.last?.uid)
        }
    }

    @Test("processNew marks the batch \\Seen after the closure returns, so the next unseen poll is empty")
    func processNewMarksSeenAfterProcessing() async throws {
        try await DovecotTestServer.run { server in
            // given
            let client = try server.client()
            for tag in ["D-1", "D-2"] { try server.deliver(TestMail.plain(tag)) }
            var processed: [UInt32] = []

            // when
            let batch = try await client.processNew(sinceUID: nil, uidValidity: nil, limit: 10) { batch in
                processed = batch.uids
            }
            let next = try await client.fetchNew(sinceUID: nil, uidValidity: nil, limit: 10)

            // then
            #expect(processed == batch.uids && processed.count == 2)
            #expect(next.messages.isEmpty)
        }
    }

    @Test("a failing processNew closure marks nothing, and the same messages come again")
    func failedProcessingMarksNothing() async throws {
        try await DovecotTestServer.run { server in
            // given
            let client = try server.client()
            try server.deliver(TestMail.plain("E-1"))
            struct StoreDown: Error {}

            // when
            await #expect(throws: StoreDown.self) {
                _ = try await client.processNew(sinceUID: nil, uidValidity: nil, limit: 10) { _ in throw StoreDown() }
            }
            let again = try await client.fetchNew(sinceUID: nil, uidValidity: nil, limit: 10)

            // then
            #expect(again.messages.map(\.rawBytes) == [TestMail.plain("E-1")])
        }
    }

    @Test("markSeen marks fetched messages, and refuses when the UIDVALIDITY changed")
    func markSeenChecksUIDValidity() async throws {
        try await DovecotTestServer.run { server in
            // given
            let client = try server.client()
            try server.deliver(TestMail.plain("F-1"))
            let batch = try await client.fetchNew(sinceUID: nil, uidValidity: nil, limit: 10)

            // when
            try await client.markSeen(uids: batch.uids, uidValidity: batch.uidValidity)
            let unseen = try await client.fetchNew(sinceUID: nil, uidValidity: nil, limit: 10)
            let error = await #expect(throws: IMAPError.self) {
                try await client.markSeen(uids: batch.uids, uidValidity: batch.uidValidity &+ 1)
            }

            // then
            #expect(batch.messages.count == 1 && unseen.messages.isEmpty)
            #expect(error?.kind == .uidValidityChanged)
        }
    }

    @Test("a message above the size limit fails the poll naming its UID, and the poller can skip it")
    func oversizedMessageIsNamedAndSkippable() async throws {
        try await DovecotTestServer.run { server in
            // given
            let client = try server.client(security: .plain, maximumMessageSize: 1_000_000)
            try server.deliver(TestMail.withAttachment(size: 1_000_000))

            // when
            let error = await #expect(throws: IMAPError.self) {
                _ = try await client.fetchNew(sinceUID: nil, uidValidity: nil, limit: 10)
            }
            try server.deliver(TestMail.plain("G-1"))
            let skipped = try await client.fetchNew(sinceUID: error?.uid, uidValidity: nil, limit: 10)

            // then
            #expect(error?.kind == .messageTooLarge)
            #expect(error?.uid != nil)
            #expect(skipped.messages.map(\.rawBytes) == [TestMail.plain("G-1")])
        }
    }

    @Test("a batch stops before the message that would exceed the batch byte limit")
    func batchByteLimit() async throws {
        try await DovecotTestServer.run { server in
            // given
            let client = try server.client(security: .plain, maximumBatchBytes: 100_000)
            for _ in 0..<3 { try server.deliver(TestMail.withAttachment(size: 45_000)) }

            // when
            let batch = try await client.fetchNew(sinceUID: nil, uidValidity: nil, limit: 10)

            // then
            #expect(batch.messages.count == 1 && batch.hasMore)
        }
    }

    @Test("a mailbox with a Chinese name is selected by its modified UTF-7 name")
    func nonASCIIMailboxName() async throws {
        try await DovecotTestServer.run { server in
            // given
            try server.createMailbox(folderName: "&W6JnDQ-")
            try server.deliver(TestMail.gbk, to: "&W6JnDQ-")

            // when
            let batch = try await server.client(mailbox: "客服").fetchNew(sinceUID: nil, uidValidity: nil, limit: 10)

            // then
            #expect(batch.messages.map(\.rawBytes) == [TestMail.gbk])
        }
    }
}
