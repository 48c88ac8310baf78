import ConciergeCore
import ConciergeDomain
import ConciergeQueue
import Foundation
import Testing

@Suite("RedisJobQueue basics")
struct RedisJobQueueTests {
    @Test func enqueuedJobIsLeasedOnceAndForgottenAfterCompletion() async throws {
        try await RedisFixture.run { redis in
            // given
            let queue = redis.queue()
            let job = Job(name: "ticket.notify", tenantID: TenantID(), payload: #"{"text":"你好 \"quoted\""}"#)
            let added = try await queue.enqueue(job, on: "notifications", delay: .zero)

            // when
            let lease = try await queue.dequeue(from: "notifications", visibilityTimeout: .seconds(30))
            let second = try await queue.dequeue(from: "notifications", visibilityTimeout: .seconds(30))
            if let lease { try await queue.complete(lease) }
            let stats = try await queue.stats(of: "notifications")

            // then
            #expect(added)
            #expect(lease?.job == job)
            #expect(lease?.queue == "notifications")
            #expect(lease?.attempt == 1)
            #expect(lease?.enqueuedAt == redis.clock.now)
            #expect(second == nil)
            #expect(stats.ready == 0 && stats.inFlight == 0 && stats.completedTotal == 1)
            let leftovers = try await redis.keys().filter { !$0.hasSuffix(":counters") && !$0.hasSuffix(":queues") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test func enqueueingAKnownIdChangesNothing() async throws {
        try await RedisFixture.run { redis in
            // given
            let queue = redis.queue()
            let job = Job(id: "outbox-42", name: "event.publish", tenantID: nil, payload: #"{"v":1}"#)
            let first = try await queue.enqueue(job, on: "events", delay: .zero)

            // when
            var changed = job
            changed.payload = #"{"v":2}"#
            let whileReady = try await queue.enqueue(changed, on: "events", delay: .seconds(60))
            let lease = try await queue.dequeue(from: "events", visibilityTimeout: .seconds(30))
            let whileInFlight = try await queue.enqueue(job, on: "events", delay: .zero)
            if let lease { try await queue.fail(lease, error: "boom", retryable: false, retryDelay: .zero) }
            let whileDead = try await queue.enqueue(job, on: "events", delay: .zero)
            let stats = try await queue.stats(of: "events")

            // then
            #expect(first)
            #expect(!whileReady && !whileInFlight && !whileDead)
            #expect(lease?.job.payload == #"{"v":1}"#)
            #expect(stats.enqueuedTotal == 1)
            #expect(stats.ready == 0 && stats.delayed == 0 && stats.dead == 1)
        }
    }

    @Test func aJobWithADuplicateWindowIsNotRunAgainWhenItsCopyArrivesAfterItRan() async throws {
        try await RedisFixture.run { redis in
            // given a delivery job queued straight after its commit, and one without a window
            let queue = redis.queue()
            let direct = Job(
                id: "delivery-1.ab", name: "connector.deliver", tenantID: TenantID(), duplicateWindowSeconds: 600)
            let plain = Job(id: "plain-1", name: "x.y", tenantID: TenantID())
            #expect(try await queue.enqueue(direct, on: "connectors", delay: .zero))
            #expect(try await queue.enqueue(plain, on: "connectors", delay: .zero))

            // when both run to completion
            for _ in 0..<2 {
                let lease = try #require(try await queue.dequeue(from: "connectors", visibilityTimeout: .seconds(30)))
                try await queue.complete(lease)
            }

            // then the outbox relay's copy of the windowed job is dropped, the plain one runs again
            #expect(try await queue.enqueue(direct, on: "connectors", delay: .zero) == false)
            #expect(try await queue.enqueue(plain, on: "connectors", delay: .zero))
            let stats = try await queue.stats(of: "connectors")
            #expect(stats.ready == 1 && stats.enqueuedTotal == 3)
            #expect(try await queue.queues().contains("connectors"))
        }
    }

    @Test func delayedJobStaysInvisibleUntilDue() async throws {
        try await RedisFixture.run { redis in
            // given
            let queue = redis.queue()
            let job = Job(name: "sla.check", tenantID: TenantID())
            try await queue.enqueue(job, on: "timers", delay: .seconds(60))

            // when
            let early = try await queue.dequeue(from: "timers", visibilityTimeout: .seconds(30))
            redis.clock.advance(by: .seconds(59))
            let almost = try await queue.dequeue(from: "timers", visibilityTimeout: .seconds(30))
            redis.clock.advance(by: .seconds(1))
            let due = try await queue.dequeue(from: "timers", visibilityTimeout: .seconds(30))

            // then
            #expect(early == nil)
            #expect(almost == nil)
            #expect(due?.job.id == job.id)
        }
    }

    @Test func statsCountEveryStateAndTheOldestReadyAge() async throws {
        try await RedisFixture.run { redis in
            // given
            let queue = redis.queue()
            let tenant = TenantID()
            for index in 0..<4 {
                try await queue.enqueue(
                    Job(id: "ready-\(index)", name: "mail.send", tenantID: tenant), on: "mail", delay: .zero)
            }
            try await queue.enqueue(Job(name: "mail.send", tenantID: nil), on: "mail", delay: .seconds(300))
            redis.clock.advance(by: .milliseconds(2500))

            // when
            let completed = try await queue.dequeue(from: "mail", visibilityTimeout: .seconds(30))
            let failed = try await queue.dequeue(from: "mail", visibilityTimeout: .seconds(30))
            _ = try await queue.dequeue(from: "mail", visibilityTimeout: .seconds(30))
            if let completed { try await queue.complete(completed) }
            if let failed { try await queue.fail(failed, error: "bounced", retryable: false, retryDelay: .zero) }
            let stats = try await queue.stats(of: "mail")

            // then
            #expect(
                stats
                    == QueueStats(
                        ready: 1, delayed: 1, inFlight: 1, dead: 1, enqueuedTotal: 5, completedTotal: 1,
                        retriedTotal: 0,
                        deadTotal: 1, oldestReadyAgeSeconds: 2.5))
        }
    }

    @Test func emptyQueueReportsZeroes() async throws {
        try await RedisFixture.run { redis in
            // when
            let stats = try await redis.queue().stats(of: "never-used")

            // then
            #expect(
                stats
                    == QueueStats(
                        ready: 0, delayed: 0, inFlight: 0, dead: 0, enqueuedTotal: 0, completedTotal: 0,
                        retriedTotal: 0,
                        deadTotal: 0, oldestReadyAgeSeconds: 0))
        }
    }

    @Test func queuesListsEveryQueueEnqueuedTo() async throws {
        try await RedisFixture.run { redis in
            // given
            let queue = redis.queue()
            try await queue.enqueue(Job(name: "a.b", tenantID: nil), on: "webhooks", delay: .zero)
            try await queue.enqueue(Job(name: "a.b", tenantID: nil), on: "email", delay: .seconds(5))

            // when
            let names = try await queue.queues()

            // then
            #expect(names == ["email", "webhooks"])
        }
    }

    @Test func everyKeyOfAQueueSharesOneClusterHashTag() async throws {
        try await RedisFixture.run { redis in
            // given
            let queue = redis.queue()
            try await queue.enqueue(Job(name: "x.y", tenantID: TenantID()), on: "tagged", delay: .zero)
            try await queue.enqueue(Job(name: "x.y", tenantID: nil), on: "tagged", delay: .zero)
            try await queue.enqueue(Job(name: "x.y", tenantID: nil), on: "tagged", delay: .seconds(9))
            _ = try await queue.dequeue(from: "tagged", visibilityTimeout: .seconds(30))

            // when
            let keys = try await redis.keys().filter { !$0.hasSuffix(":queues") }
            let tags = Set(keys.map(Self.hashTag))

            // then: Redis Cluster hashes only the text inside the first {…}
            #expect(keys.count >= 5)
            #expect(tags == ["q:tagged"])
        }
    }

    private static func hashTag(of key: String) -> String? {
        guard let open = key.firstIndex(of: "{") else { return nil }
        let rest = key[key.index(after: open)...]
        guard let close = rest.firstIndex(of: "}"), close > rest.startIndex else { return nil }
        return String(rest[..<close])
    }
}
