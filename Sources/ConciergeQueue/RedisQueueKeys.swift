/// The Redis keys of one named queue.
///
/// Everything lives under `<prefix>:{q:<queue>}:…`; the braces are a Redis Cluster hash tag,
/// so all keys of a queue (including the per-tenant ready lists built inside scripts) hash to
/// one slot and a multi-key script stays legal. The prefix must not contain `{`, or the tag
/// would be taken from it instead.
struct RedisQueueKeys: Sendable {
    /// `<prefix>:{q:<queue>}`.
    let base: String

    init(prefix: String, queue: String) {
        base = "\(prefix):{q:\(queue)}"
    }

    /// Hash: job id → JSON record (see ``JobQueueScripts``).
    var jobs: String { "\(base):jobs" }
    /// List: the round-robin ring of tenants that have ready jobs.
    var tenants: String { "\(base):tenants" }
    /// Sorted set: delayed and backing-off job ids scored by due time (epoch ms).
    var delayed: String { "\(base):delayed" }
    /// Sorted set: leased job ids scored by visibility deadline (epoch ms).
    var inFlight: String { "\(base):inflight" }
    /// Sorted set: dead job ids scored by time of death (epoch ms).
    var dead: String { "\(base):dead" }
    /// Hash: `enqueued`, `completed`, `retried`, `dead` totals.
    var counters: String { "\(base):counters" }
    /// Prefix of the per-tenant ready lists, `<base>:ready:<tenant>`.
    var readyPrefix: String { "\(base):ready:" }

    /// The `KEYS` every queue script receives, in the order its prelude expects.
    var scriptKeys: [String] { [jobs, tenants, delayed, inFlight, dead, counters] }

    /// Set of every queue name ever enqueued to under `prefix`; outside any queue's slot.
    static func registry(prefix: String) -> String { "\(prefix):queues" }
}
