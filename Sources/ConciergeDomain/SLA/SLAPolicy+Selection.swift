extension SLAPolicy {
    /// The policy that applies to `subject`: the first, by ascending ``position`` and then
    /// ``key``, whose conditions it matches; `nil` when none does (the ticket has no SLA).
    ///
    /// The order does not depend on the order of `policies`, so the answer is the same
    /// whichever way they were loaded.
    public static func first(matching subject: SLASubject, in policies: [SLAPolicy]) -> SLAPolicy? {
        policies
            .filter { $0.conditions.matches(subject) }
            .min { ($0.position, $0.key) < ($1.position, $1.key) }
    }
}
