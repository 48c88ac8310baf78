import ConciergeCore
import ConciergeDomain
import ConciergeQueue
import Testing

@Suite("RedisJobQueue tenant fairness")
struct RedisJobQueueFairnessTests {
    @Test func floodingTenantCannotStarveAQuietOne() async throws {
        try await RedisFixture.run { redis in
            // given: tenant A floods the queue before tenant B enqueues three jobs
            let queue = redis.queue()
            let flooder = TenantID()
            let quiet = TenantID()
            for index in 0..<200 {
                try await queue.enqueue(
                    Job(id: "a-\(index)", name: "mail.send", tenantID: flooder), on: "mail", delay: .zero)
            }
            for index in 0..<3 {
                try await queue.enqueue(
                    Job(id: "b-\(index)", name: "mail.send", tenantID: quiet), on: "mail", delay: .zero)
            }

            // when
            var firstEight: [LeasedJob] = []
            for _ in 0..<8 {
                if let lease = try await queue.dequeue(from: "mail", visibilityTimeout: .seconds(30)) {
                    firstEight.append(lease)
                }
            }

            // then
            let quietIDs = firstEight.filter { $0.job.tenantID == quiet }.map(\.job.id)
            #expect(quietIDs == ["b-0", "b-1", "b-2"])
            #expect(firstEight.filter { $0.job.tenantID == flooder }.map(\.job.id) == (0..<5).map { "a-\($0)" })
        }
    }

    @Test func platformJobsTakeTheirOwnTurn() async throws {
        try await RedisFixture.run { redis in
            // given
            let queue = redis.queue()
            let tenant = TenantID()
            for index in 0..<10 {
                try await queue.enqueue(Job(id: "t-\(index)", name: "x.y", tenantID: tenant), on: "mixed", delay: .zero)
            }
            try await queue.enqueue(Job(id: "platform", name: "x.y", tenantID: nil), on: "mixed", delay: .zero)

            // when
            let first = try await queue.dequeue(from: "mixed", visibilityTimeout: .seconds(30))
            let second = try await queue.dequeue(from: "mixed", visibilityTimeout: .seconds(30))

            // then
            #expect(first?.job.id == "t-0")
            #expect(second?.job.id == "platform")
            #expect(second?.job.tenantID == nil)
        }
    }

    @Test func retriedJobRejoinsTheRotationOfItsTenant() async throws {
        try await RedisFixture.run { redis in
            // given: tenant A's only job backs off while tenant B has work
            let queue = redis.queue()
            let tenantA = TenantID()
            let tenantB = TenantID()
            try await queue.enqueue(Job(id: "a", name: "x.y", tenantID: tenantA), on: "rotation", delay: .zero)
            for index in 0..<3 {
                try await queue.enqueue(
                    Job(id: "b-\(index)", name: "x.y", tenantID: tenantB), on: "rotation", delay: .zero)
            }
            let lease = try #require(try await queue.dequeue(from: "rotation", visibilityTimeout: .seconds(30)))
            try await queue.fail(lease, error: "busy", retryable: true, retryDelay: .seconds(5))

            // when
            let duringBackoff = try await queue.dequeue(from: "rotation", visibilityTimeout: .seconds(30))
            redis.clock.advance(by: .seconds(5))
            let afterBackoff = try await queue.dequeue(from: "rotation", visibilityTimeout: .seconds(30))
            let next = try await queue.dequeue(from: "rotation", visibilityTimeout: .seconds(30))

            // then
            #expect(lease.job.id == "a")
            #expect(duringBackoff?.job.id == "b-0")
            #expect(afterBackoff?.job.id == "b-1")
            #expect(next?.job.id == "a")
            #expect(next?.attempt == 2)
        }
    }
}
