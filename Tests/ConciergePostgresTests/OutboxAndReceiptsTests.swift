import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeQueue
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

@Suite struct OutboxAndReceiptsTests {
    @Test func outboxRowsCommitWithTheirEventAndTheRelayPublishesEachOnce() async throws {
        try await withTestPlatform { platform in
            // given two tenants' events with outbox messages, and one rolled-back transaction
            let a = try await platform.makeTenant()
            let b = try await platform.makeTenant()
            let queueName = "relay-\(UUID().uuidString.prefix(6))"
            for tenant in [a.tenant.id, b.tenant.id] {
                let job = Job(id: "job-\(tenant)", name: ProbeJob.jobName, tenantID: tenant)
                try await platform.store.transaction(tenant) { tx in
                    try await tx.events.append(
                        DomainEvent(
                            tenantID: tenant, type: "test.happened", subjectType: "test", subjectID: "1",
                            actor: .system("t"), data: [:], occurredAt: .now),
                        outbox: [OutboxMessage(queue: queueName, job: job)])
                }
            }
            await #expect(throws: JobFailure.self) {
                try await platform.store.transaction(a.tenant.id) { tx in
                    try await tx.events.append(
                        DomainEvent(
                            tenantID: a.tenant.id, type: "test.rolled_back", subjectType: "test", subjectID: "2",
                            actor: .system("t"), data: [:], occurredAt: .now),
                        outbox: [
                            OutboxMessage(queue: queueName, job: Job(id: "ghost", name: "x", tenantID: a.tenant.id))
                        ])
                    throw JobFailure.permanent("abort")
                }
            }
            // when the relay runs twice
            let relay = OutboxRelayTask(source: platform.outbox, queue: platform.queue)
            try await relay.runOnce()
            try await relay.runOnce()
            // then both committed jobs are queued exactly once and the rolled-back one never
            let stats = try await platform.queue.stats(of: queueName)
            #expect(stats.ready == 2)
            #expect(stats.enqueuedTotal == 2)
        }
    }

    @Test func relayCrashBeforeMarkingRepublishesWithoutDuplicates() async throws {
        try await withTestPlatform { platform in
            // given an outbox row
            let a = try await platform.makeTenant()
            let queueName = "crash-\(UUID().uuidString.prefix(6))"
            try await platform.store.transaction(a.tenant.id) { tx in
                try await tx.events.append(
                    DomainEvent(
                        tenantID: a.tenant.id, type: "test.happened", subjectType: "test", subjectID: "1",
                        actor: .system("t"), data: [:], occurredAt: .now),
                    outbox: [
                        OutboxMessage(
                            queue: queueName, job: Job(id: "once", name: ProbeJob.jobName, tenantID: a.tenant.id))
                    ])
            }
            // when a relay publishes but dies before marking the row published
            let queue = platform.queue
            await #expect(throws: JobFailure.self) {
                _ = try await platform.outbox.relay(limit: 10) { rows in
                    for row in rows { try await queue.enqueue(row.job, on: row.queue, delay: .zero) }
                    throw JobFailure.retryable("crash between publish and mark")
                }
            }
            // then the next relay publishes it again, and the queue holds one job
            try await OutboxRelayTask(source: platform.outbox, queue: platform.queue).runOnce()
            let stats = try await platform.queue.stats(of: queueName)
            #expect(stats.ready == 1)
        }
    }

    @Test func aRedeliveredJobTakesEffectOnce() async throws {
        try await withTestPlatform { platform in
            let a = try await platform.makeTenant()
            let lease = LeasedJob(
                job: ProbeJob.make(tenant: a.tenant.id, hold: .zero), queue: "q", attempt: 1, leaseToken: "x",
                enqueuedAt: .now)
            let handler = ProbeJob(store: platform.store)
            let context = JobContext(workerID: "w1", logger: platform.logger)
            try await handler.handle(lease, context: context)
            try await handler.handle(lease, context: context)
            let done = try await platform.store.transaction(a.tenant.id) {
                try await $0.probes.completions(of: lease.job.id)
            }
            #expect(done.count == 1)
        }
    }
}
