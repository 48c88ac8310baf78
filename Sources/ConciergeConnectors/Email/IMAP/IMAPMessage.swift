/// One message read from the mailbox: its UID and its bytes exactly as the server stores them.
public struct IMAPMessage: Sendable, Hashable {
    /// The message's UID, unique in the mailbox for as long as its UIDVALIDITY stays the same.
    public let uid: UInt32
    /// The whole RFC 5322 message, headers and body, byte for byte (8-bit and binary safe).
    public let rawBytes: [UInt8]

    /// Creates a message; the client makes these.
    public init(uid: UInt32, rawBytes: [UInt8]) {
        self.uid = uid
        self.rawBytes = rawBytes
    }
}
