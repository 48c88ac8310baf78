/// Writes UIDs as an IMAP sequence set (RFC 3501 §9, `sequence-set`): consecutive runs become
/// ranges, so a batch of a hundred new messages is usually a single `a:b`.
enum IMAPUIDSet {
    /// `[1, 2, 3, 5, 8, 9]` becomes `1:3,5,8:9`; order and duplicates in the input do not matter.
    static func format(_ uids: [UInt32]) -> String {
        var ranges: [(first: UInt32, last: UInt32)] = []
        for uid in Set(uids).sorted() {
            if let last = ranges.last?.last, last &+ 1 == uid {
                ranges[ranges.count - 1].last = uid
            } else {
                ranges.append((uid, uid))
            }
        }
        return ranges.map { $0.first == $0.last ? "\($0.first)" : "\($0.first):\($0.last)" }
            .joined(separator: ",")
    }
}
