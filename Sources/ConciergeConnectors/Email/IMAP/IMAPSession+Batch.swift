import Logging

extension IMAPSession {
    /// Selects the configured mailbox and fetches the messages after the cursor, within the
    /// count, message size and batch size limits.
    ///
    /// Sizes are asked first (`RFC822.SIZE`), so an oversized message is refused before a byte
    /// of it is downloaded and a batch never holds more than the configured bytes.
    mutating func fetchBatch(sinceUID: UInt32?, uidValidity: UInt32?, limit: Int) async throws(IMAPError)
        -> IMAPFetchBatch
    {
        let mailbox = try await select(configuration.mailbox)
        let validityChanged = uidValidity.map { $0 != mailbox.uidValidity } ?? false
        let cursor = validityChanged ? nil : sinceUID
        if validityChanged {
            logger.info(
                "imap uidvalidity changed; starting over with unseen messages",
                metadata: ["imap.uidvalidity": "\(mailbox.uidValidity)"])
        }
        var matching: [UInt32] = []
        if mailbox.messageCount > 0, !Self.isCaughtUp(cursor: cursor, uidNext: mailbox.uidNext) {
            matching = try await searchUIDs(after: cursor)
        }
        let chosen = try await chooseWithinLimits(Array(matching.prefix(max(1, limit))))
        let messages = chosen.isEmpty ? [] : try await fetchMessages(chosen)
        let hasMore = matching.last.map { $0 > (chosen.last ?? 0) } ?? false
        logger.debug(
            "imap batch fetched",
            metadata: ["imap.matching": "\(matching.count)", "imap.fetched": "\(messages.count)"])
        return IMAPFetchBatch(
            uidValidity: mailbox.uidValidity, uidValidityChanged: validityChanged, messages: messages,
            nextSinceUID: messages.last?.uid ?? cursor, hasMore: hasMore)
    }

    /// Selects the configured mailbox and checks that its UIDVALIDITY is still `uidValidity`,
    /// so that UIDs taken earlier still name the same messages.
    mutating func selectExpecting(uidValidity: UInt32) async throws(IMAPError) {
        let mailbox = try await select(configuration.mailbox)
        guard mailbox.uidValidity == uidValidity else {
            throw IMAPError(
                kind: .uidValidityChanged, command: "SELECT",
                detail: "UIDVALIDITY is \(mailbox.uidValidity), the UIDs were taken under \(uidValidity)")
        }
    }

    /// Whether no message can be above the cursor: the next UID to be given is right after it.
    private static func isCaughtUp(cursor: UInt32?, uidNext: UInt32?) -> Bool {
        guard let cursor, let uidNext else { return false }
        return UInt64(uidNext) <= UInt64(cursor) + 1
    }

    /// The leading UIDs of `candidates` whose messages fit the limits. A message above the
    /// message size limit ends the batch before it, or fails it when it comes first, naming it.
    private mutating func chooseWithinLimits(_ candidates: [UInt32]) async throws(IMAPError) -> [UInt32] {
        guard !candidates.isEmpty else { return [] }
        let sizes = try await fetchSizes(of: candidates)
        var chosen: [UInt32] = []
        var total = 0
        for uid in candidates {
            // A message without a size was expunged since the search.
            guard let size = sizes[uid] else { continue }
            if size > configuration.maximumMessageSize {
                guard chosen.isEmpty else { break }
                throw IMAPError(
                    kind: .messageTooLarge, command: "UID FETCH",
                    detail: "\(size) bytes; the limit is \(configuration.maximumMessageSize)", uid: uid)
            }
            if !chosen.isEmpty, total + size > configuration.maximumBatchBytes { break }
            chosen.append(uid)
            total += size
        }
        return chosen
    }
}
