import ConciergeCore
import ConciergeDomain
import ConciergeQueue
import Testing

@Suite("RedisJobQueue leases")
struct RedisJobQueueLeaseTests {
    @Test func expiredLeaseIsHandedOutAgain() async throws {
        try await RedisFixture.run { redis in
            // given: a worker leased the job and died
            let queue = redis.queue()
            let job = Job(name: "webhook.deliver", tenantID: TenantID())
            try await queue.enqueue(job, on: "webhooks", delay: .zero)
            let first = try #require(try await queue.dequeue(from: "webhooks", visibilityTimeout: .seconds(30)))

            // when
            redis.clock.advance(by: .seconds(29))
            let beforeDeadline = try await queue.dequeue(from: "webhooks", visibilityTimeout: .seconds(30))
            redis.clock.advance(by: .seconds(2))
            let second = try #require(try await queue.dequeue(from: "webhooks", visibilityTimeout: .seconds(30)))

            // then
            #expect(beforeDeadline == nil)
            #expect(second.job == job)
            #expect(second.attempt == 2)
            #expect(second.leaseToken != first.leaseToken)
        }
    }

    @Test func staleLeaseCannotCompleteFailOrExtend() async throws {
        try await RedisFixture.run { redis in
            // given: the job was reclaimed from the first worker and leased to a second
            let queue = redis.queue()
            try await queue.enqueue(Job(name: "webhook.deliver", tenantID: TenantID()), on: "webhooks", delay: .zero)
            let stale = try #require(try await queue.dequeue(from: "webhooks", visibilityTimeout: .seconds(30)))
            redis.clock.advance(by: .seconds(31))
            let current = try #require(try await queue.dequeue(from: "webhooks", visibilityTimeout: .seconds(30)))

            // when
            try await queue.complete(stale)
            try await queue.fail(stale, error: "late", retryable: false, retryDelay: .zero)
            let extended = try await queue.extend(stale, visibilityTimeout: .seconds(60))
            let afterStale = try await queue.stats(of: "webhooks")
            try await queue.complete(current)
            let afterCurrent = try await queue.stats(of: "webhooks")

            // then
            #expect(!extended)
            #expect(afterStale.inFlight == 1 && afterStale.completedTotal == 0 && afterStale.dead == 0)
            #expect(afterCurrent.inFlight == 0 && afterCurrent.completedTotal == 1)
        }
    }

    @Test func extendedLeaseIsNotReclaimedAtTheOriginalDeadline() async throws {
        try await RedisFixture.run { redis in
            // given
            let queue = redis.queue()
            try await queue.enqueue(Job(name: "search.index", tenantID: nil), on: "search", delay: .zero)
            let lease = try #require(try await queue.dequeue(from: "search", visibilityTimeout: .seconds(30)))
            redis.clock.advance(by: .seconds(20))

            // when
            let extended = try await queue.extend(lease, visibilityTimeout: .seconds(30))
            redis.clock.advance(by: .seconds(20))
            let atOriginalDeadline = try await queue.dequeue(from: "search", visibilityTimeout: .seconds(30))
            redis.clock.advance(by: .seconds(11))
            let afterNewDeadline = try await queue.dequeue(from: "search", visibilityTimeout: .seconds(30))

            // then
            #expect(extended)
            #expect(atOriginalDeadline == nil)
            #expect(afterNewDeadline?.attempt == 2)
        }
    }

    @Test func concurrentWorkersNeverLeaseTheSameJobTwice() async throws {
        try await RedisFixture.run(poolSize: 4) { redis in
            // given
            let queue = RedisJobQueue(pool: redis.pool, keyPrefix: redis.prefix, logger: redis.logger)
            let tenants = (0..<5).map { _ in TenantID() }
            for index in 0..<400 {
                let job = Job(id: "job-\(index)", name: "bulk.work", tenantID: tenants[index % tenants.count])
                try await queue.enqueue(job, on: "bulk", delay: .zero)
            }

            // when: eight workers drain the queue at once
            let leased = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        var ids: [String] = []
                        while let lease = try await queue.dequeue(from: "bulk", visibilityTimeout: .seconds(60)) {
                            ids.append(lease.job.id)
                            try await queue.complete(lease)
                        }
                        return ids
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let stats = try await queue.stats(of: "bulk")

            // then
            #expect(leased.count == 400)
            #expect(Set(leased).count == 400)
            #expect(stats.completedTotal == 400 && stats.ready == 0 && stats.inFlight == 0)
        }
    }
}
