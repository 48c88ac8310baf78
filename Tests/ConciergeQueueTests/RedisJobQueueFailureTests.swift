import ConciergeCore
import ConciergeDomain
import ConciergeQueue
import Foundation
import Testing

@Suite("RedisJobQueue failures")
struct RedisJobQueueFailureTests {
    @Test func retryableFailureWaitsThenDeadLettersAfterMaxAttempts() async throws {
        try await RedisFixture.run { redis in
            // given
            let queue = redis.queue()
            let job = Job(name: "connector.push", tenantID: TenantID(), maxAttempts: 3)
            try await queue.enqueue(job, on: "connectors", delay: .zero)
            var attempts: [Int] = []
            var leasedDuringBackoff: [LeasedJob] = []

            // when: every delivery fails with a 10 s backoff
            while let lease = try await queue.dequeue(from: "connectors", visibilityTimeout: .seconds(30)) {
                attempts.append(lease.attempt)
                try await queue.fail(
                    lease, error: "HTTP 503 #\(lease.attempt)", retryable: true, retryDelay: .seconds(10))
                redis.clock.advance(by: .seconds(9))
                if let early = try await queue.dequeue(from: "connectors", visibilityTimeout: .seconds(30)) {
                    leasedDuringBackoff.append(early)
                }
                redis.clock.advance(by: .seconds(1))
            }
            let dead = try await queue.deadLetters(in: "connectors", limit: 10)
            let stats = try await queue.stats(of: "connectors")

            // then
            #expect(attempts == [1, 2, 3])
            #expect(leasedDuringBackoff.isEmpty)
            #expect(dead.map(\.job) == [job])
            #expect(dead.first?.attempts == 3)
            #expect(dead.first?.lastError == "HTTP 503 #3")
            #expect(dead.first?.diedAt == redis.clock.now.addingTimeInterval(-10))
            #expect(stats.retriedTotal == 2 && stats.deadTotal == 1 && stats.dead == 1 && stats.delayed == 0)
        }
    }

    @Test func permanentFailureDeadLettersAtOnce() async throws {
        try await RedisFixture.run { redis in
            // given
            let queue = redis.queue()
            try await queue.enqueue(
                Job(name: "mail.send", tenantID: TenantID(), maxAttempts: 8), on: "mail", delay: .zero)
            let lease = try #require(try await queue.dequeue(from: "mail", visibilityTimeout: .seconds(30)))

            // when
            try await queue.fail(lease, error: "550 no such mailbox", retryable: false, retryDelay: .seconds(5))
            redis.clock.advance(by: .seconds(60))
            let again = try await queue.dequeue(from: "mail", visibilityTimeout: .seconds(30))
            let dead = try await queue.deadLetters(in: "mail", limit: 10)

            // then
            #expect(again == nil)
            #expect(dead.count == 1)
            #expect(dead.first?.attempts == 1)
            #expect(dead.first?.lastError == "550 no such mailbox")
        }
    }

    @Test func replayedDeadJobIsReadyWithAttemptsReset() async throws {
        try await RedisFixture.run { redis in
            // given
            let queue = redis.queue()
            let job = Job(id: "replay-me", name: "mail.send", tenantID: TenantID(), maxAttempts: 1)
            try await queue.enqueue(job, on: "mail", delay: .zero)
            let lease = try #require(try await queue.dequeue(from: "mail", visibilityTimeout: .seconds(30)))
            try await queue.fail(lease, error: "timeout", retryable: true, retryDelay: .seconds(1))

            // when
            let replayed = try await queue.replay(jobID: "replay-me", in: "mail")
            let replayedTwice = try await queue.replay(jobID: "replay-me", in: "mail")
            let unknown = try await queue.replay(jobID: "never-existed", in: "mail")
            let again = try await queue.dequeue(from: "mail", visibilityTimeout: .seconds(30))
            let dead = try await queue.deadLetters(in: "mail", limit: 10)

            // then
            #expect(replayed)
            #expect(!replayedTwice && !unknown)
            #expect(again?.job == job)
            #expect(again?.attempt == 1)
            #expect(dead.isEmpty)
        }
    }

    @Test func jobWhoseWorkersKeepDyingEndsInDeadLetters() async throws {
        try await RedisFixture.run { redis in
            // given
            let queue = redis.queue()
            try await queue.enqueue(Job(name: "crashy.job", tenantID: nil, maxAttempts: 2), on: "crashy", delay: .zero)

            // when: two deliveries time out without completion
            let first = try await queue.dequeue(from: "crashy", visibilityTimeout: .seconds(30))
            redis.clock.advance(by: .seconds(31))
            let second = try await queue.dequeue(from: "crashy", visibilityTimeout: .seconds(30))
            redis.clock.advance(by: .seconds(31))
            let third = try await queue.dequeue(from: "crashy", visibilityTimeout: .seconds(30))
            let dead = try await queue.deadLetters(in: "crashy", limit: 10)
            let stats = try await queue.stats(of: "crashy")

            // then
            #expect(first?.attempt == 1 && second?.attempt == 2)
            #expect(third == nil)
            #expect(dead.first?.lastError == "visibility timeout exceeded")
            #expect(dead.first?.attempts == 2)
            #expect(stats.inFlight == 0 && stats.ready == 0 && stats.deadTotal == 1)
        }
    }

    @Test func deadLettersComeNewestFirstUpToTheLimit() async throws {
        try await RedisFixture.run { redis in
            // given: three jobs die one second apart
            let queue = redis.queue()
            for index in 0..<3 {
                try await queue.enqueue(
                    Job(id: "dead-\(index)", name: "x.y", tenantID: nil), on: "graveyard", delay: .zero)
                let lease = try #require(try await queue.dequeue(from: "graveyard", visibilityTimeout: .seconds(30)))
                try await queue.fail(lease, error: "no", retryable: false, retryDelay: .zero)
                redis.clock.advance(by: .seconds(1))
            }

            // when
            let newestTwo = try await queue.deadLetters(in: "graveyard", limit: 2)
            let none = try await queue.deadLetters(in: "graveyard", limit: 0)

            // then
            #expect(newestTwo.map(\.job.id) == ["dead-2", "dead-1"])
            #expect(none.isEmpty)
        }
    }
}

@Suite("RedisJobQueue corrupt records")
struct RedisJobQueueCorruptRecordTests {
    @Test func undecodableJobIsDeadLetteredAndTheNextOneLeased() async throws {
        try await RedisFixture.run { redis in
            // given: a job whose stored JSON no longer matches `Job` (a renamed field, say)
            let queue = redis.queue()
            try await queue.enqueue(Job(id: "broken", name: "x.y", tenantID: nil), on: "legacy", delay: .zero)
            try await queue.enqueue(Job(id: "fine", name: "x.y", tenantID: nil), on: "legacy", delay: .zero)
            let rewrite = """
                local rec = cjson.decode(redis.call('HGET', KEYS[1], ARGV[1]))
                rec.job = '{"identifier":"broken"}'
                redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(rec))
                """
            _ = try await redis.command(["EVAL", rewrite, "1", "\(redis.prefix):{q:legacy}:jobs", "broken"])

            // when
            let lease = try await queue.dequeue(from: "legacy", visibilityTimeout: .seconds(30))
            let dead = try await queue.deadLetters(in: "legacy", limit: 10)
            let stats = try await queue.stats(of: "legacy")

            // then
            #expect(lease?.job.id == "fine")
            #expect(dead.isEmpty)
            #expect(stats.dead == 1 && stats.inFlight == 1 && stats.ready == 0)
        }
    }
}
