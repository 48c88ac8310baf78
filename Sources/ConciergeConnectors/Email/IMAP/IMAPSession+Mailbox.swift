/// What `SELECT` says about a mailbox (RFC 3501 §6.3.1).
struct IMAPMailboxStatus: Sendable {
    var uidValidity: UInt32
    var messageCount: UInt32
    /// The UID the next message will get, when the server says it.
    var uidNext: UInt32?
}

extension IMAPSession {
    /// Selects `mailbox` read-write, so that `\Seen` can be set.
    mutating func select(_ mailbox: String) async throws(IMAPError) -> IMAPMailboxStatus {
        let result = try await run("SELECT", refusal: .mailboxNotFound) { command in
            command.append(string: IMAPMailboxName.encode(mailbox))
        }
        var uidValidity: UInt32?
        var uidNext: UInt32?
        var messageCount: UInt32 = 0
        for response in result.untagged {
            switch response {
            case .exists(let count):
                messageCount = count
            case .status(let status):
                uidValidity = status.codeNumber("UIDVALIDITY") ?? uidValidity
                uidNext = status.codeNumber("UIDNEXT") ?? uidNext
            default:
                continue
            }
        }
        guard let uidValidity else {
            throw IMAPError(kind: .protocolViolation, command: "SELECT", detail: "the server sent no UIDVALIDITY")
        }
        return IMAPMailboxStatus(uidValidity: uidValidity, messageCount: messageCount, uidNext: uidNext)
    }

    /// The UIDs above `cursor` in ascending order, or of every unseen message without a cursor.
    mutating func searchUIDs(after cursor: UInt32?) async throws(IMAPError) -> [UInt32] {
        let criteria = cursor.map { "UID \(UInt64($0) + 1):*" } ?? "UNSEEN"
        let result = try await run("UID SEARCH") { $0.append(raw: criteria) }
        var uids: [UInt32] = []
        for case .search(let found) in result.untagged { uids += found }
        // `n:*` also matches the highest UID when it is below n (RFC 3501 §6.4.8): filter it out.
        return Set(uids).filter { uid in cursor.map { uid > $0 } ?? true }.sorted()
    }

    /// The size in bytes of each message in `uids` that still exists.
    mutating func fetchSizes(of uids: [UInt32]) async throws(IMAPError) -> [UInt32: Int] {
        let result = try await run("UID FETCH") { command in
            command.append(raw: IMAPUIDSet.format(uids))
            command.append(raw: "(UID RFC822.SIZE)")
        }
        var sizes: [UInt32: Int] = [:]
        for case .fetch(let fetch) in result.untagged {
            if let uid = fetch.uid, let size = fetch.size { sizes[uid] = size }
        }
        return sizes
    }

    /// The messages in `uids` that still exist, in ascending UID order. `BODY.PEEK[]` leaves
    /// `\Seen` alone: marking is up to the caller, after the messages are stored.
    mutating func fetchMessages(_ uids: [UInt32]) async throws(IMAPError) -> [IMAPMessage] {
        let result = try await run("UID FETCH") { command in
            command.append(raw: IMAPUIDSet.format(uids))
            command.append(raw: "(UID RFC822.SIZE BODY.PEEK[])")
        }
        var bodies: [UInt32: [UInt8]] = [:]
        for case .fetch(let fetch) in result.untagged {
            if let uid = fetch.uid, let body = fetch.body { bodies[uid] = body }
        }
        return bodies.keys.sorted().compactMap { uid in bodies[uid].map { IMAPMessage(uid: uid, rawBytes: $0) } }
    }

    /// Sets `\Seen` on `uids` without asking for the new flags back.
    mutating func markSeen(_ uids: [UInt32]) async throws(IMAPError) {
        guard !uids.isEmpty else { return }
        try await run("UID STORE") { command in
            command.append(raw: IMAPUIDSet.format(uids))
            command.append(raw: "+FLAGS.SILENT (\\Seen)")
        }
    }
}
