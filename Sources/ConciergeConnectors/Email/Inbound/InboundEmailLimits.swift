/// Bounds on the work `InboundEmail.parse` does, so a hostile message cannot exhaust memory or
/// the stack.
public struct InboundEmailLimits: Sendable, Equatable {
    /// The largest accepted message, in bytes.
    public var maximumSize: Int
    /// How many multipart entities may enclose one another; the top-level entity counts as one.
    public var maximumNestingDepth: Int
    /// How many MIME entities, containers included, one message may hold.
    public var maximumPartCount: Int

    /// 25 MiB, 10 levels of nesting and 1,000 parts: more than any mail client produces.
    public static let standard = InboundEmailLimits()

    /// Creates limits; the defaults are those of `standard`.
    public init(maximumSize: Int = 25 * 1024 * 1024, maximumNestingDepth: Int = 10, maximumPartCount: Int = 1000) {
        self.maximumSize = maximumSize
        self.maximumNestingDepth = maximumNestingDepth
        self.maximumPartCount = maximumPartCount
    }
}
