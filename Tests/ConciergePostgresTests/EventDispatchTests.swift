import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

/// The dispatcher's two paths: all subscribers in one transaction on the first attempt, each
/// subscriber in its own transaction on later attempts, with no effect ever applied twice.
@Suite("Event dispatch", .serialized)
struct EventDispatchTests {
    /// A subscriber whose effect is a row in the ledger (`probe:<name>`), failing on demand.
    struct ProbeSubscriber: EventSubscriber {
        let name: String
        let fails: Bool

        func wants(_ eventType: String) -> Bool { eventType == "ticket.created" }

        func receive(_ dispatch: EventDispatch) async throws -> EventAftermath? {
            _ = try await dispatch.tx.jobReceipts.record(jobID: dispatch.event.eventID, handler: "probe:\(name)")
            if fails { throw JobFailure.retryable("\(name) is down") }
            return nil
        }
    }

    /// The `attempt`-th delivery of the dispatch job of `ticket`'s creation.
    static func lease(_ event: RecordedEvent, tenant: TenantID, attempt: Int) -> LeasedJob {
        let payload =
            #"{"event_id":"\#(event.event.id)","type":"ticket.created","ticket_id":"\#(event.event.subjectID)"}"#
        let job = Job(name: EventDispatchJob.jobName, tenantID: tenant, payload: payload)
        return LeasedJob(job: job, queue: "events", attempt: attempt, leaseToken: "t", enqueuedAt: Date())
    }

    /// Whether the probe subscriber `name` left its effect for `event`.
    static func applied(_ name: String, _ event: RecordedEvent, platform: Platform, tenant: TenantID) async throws
        -> Bool
    {
        try await platform.store.transaction(tenant) { tx in
            try await tx.jobReceipts.contains(jobID: event.event.id.description, handler: "probe:\(name)")
        }
    }

    /// A new ticket in a new tenant and its `ticket.created` event.
    static func createdEvent(_ platform: Platform) async throws -> (TenantID, RecordedEvent) {
        let tenant = try await platform.makeTenant().tenant.id
        let ticket = try await ConnectorPipelineTests.createTicket(platform, tenant: tenant)
        return (tenant, try await ConnectorPipelineTests.createdEvent(of: ticket, platform: platform, tenant: tenant))
    }

    @Test("A failing subscriber rolls the first attempt back; the retry isolates it")
    func firstAttemptIsAtomicAndRetriesIsolate() async throws {
        try await withTestPlatform { platform in
            // given a healthy and a failing subscriber and a new ticket's event
            let (tenant, event) = try await Self.createdEvent(platform)
            let job = EventDispatchJob(
                store: platform.store,
                subscribers: [
                    ProbeSubscriber(name: "healthy", fails: false), ProbeSubscriber(name: "down", fails: true),
                ])
            let context = JobContext(workerID: "test", logger: platform.logger)
            // when the first attempt fails
            let first = Self.lease(event, tenant: tenant, attempt: 1)
            await #expect(throws: JobFailure.retryable("down is down")) {
                try await job.handle(first, context: context)
            }
            // then nothing of it was committed, the healthy subscriber's effect included
            #expect(try await !Self.applied("healthy", event, platform: platform, tenant: tenant))
            // when the second attempt runs the subscribers apart
            let second = Self.lease(event, tenant: tenant, attempt: 2)
            await #expect(throws: JobFailure.retryable("down is down")) {
                try await job.handle(second, context: context)
            }
            // then the healthy subscriber's effect landed and the failure is still reported
            #expect(try await Self.applied("healthy", event, platform: platform, tenant: tenant))
            #expect(try await !Self.applied("down", event, platform: platform, tenant: tenant))
            // and a third attempt, once the other subscriber recovers, does not repeat the first
            let recovered = EventDispatchJob(
                store: platform.store,
                subscribers: [
                    ProbeSubscriber(name: "healthy", fails: true), ProbeSubscriber(name: "down", fails: false),
                ])
            let third = Self.lease(event, tenant: tenant, attempt: 3)
            try await recovered.handle(third, context: context)
            #expect(try await Self.applied("down", event, platform: platform, tenant: tenant))
        }
    }

    @Test("A committed first attempt makes every later delivery a no-op")
    func committedDispatchIsNotRepeated() async throws {
        try await withTestPlatform { platform in
            // given an event dispatched successfully once
            let (tenant, event) = try await Self.createdEvent(platform)
            let context = JobContext(workerID: "test", logger: platform.logger)
            let first = Self.lease(event, tenant: tenant, attempt: 1)
            try await EventDispatchJob(store: platform.store, subscribers: [ProbeSubscriber(name: "a", fails: false)])
                .handle(first, context: context)
            #expect(try await Self.applied("a", event, platform: platform, tenant: tenant))
            // when it is delivered again, on a first or a later attempt, to subscribers that would fail
            let failing = EventDispatchJob(
                store: platform.store, subscribers: [ProbeSubscriber(name: "a", fails: true)])
            for attempt in [1, 2] {
                let again = Self.lease(event, tenant: tenant, attempt: attempt)
                // then nothing runs: no error, the ledger already has the dispatch
                try await failing.handle(again, context: context)
            }
        }
    }

    @Test("A payload that is not an event is a permanent failure")
    func malformedPayloadIsPermanent() async throws {
        try await withTestPlatform { platform in
            // given a job whose payload is not a dispatched event
            let tenant = try await platform.makeTenant().tenant.id
            let job = Job(name: EventDispatchJob.jobName, tenantID: tenant, payload: "{}")
            let lease = LeasedJob(job: job, queue: "events", attempt: 1, leaseToken: "t", enqueuedAt: Date())
            // when it is handled, then it fails for good
            await #expect(throws: JobFailure.permanent("payload is not a dispatched event")) {
                try await EventDispatchJob(store: platform.store, subscribers: [])
                    .handle(lease, context: JobContext(workerID: "test", logger: platform.logger))
            }
        }
    }
}
