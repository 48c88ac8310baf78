import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Logging
import PostgresNIO
import Testing

/// The delivery pipeline against real Postgres and a real receiver on 127.0.0.1: the vendor
/// stub of the connector tests, which checks the webhook signature the way docs/connectors.md
/// tells receivers to.
@Suite(.serialized) struct ConnectorPipelineTests {
    static let extra = [
        "CONCIERGE_SECRET_KEYS": "k1:\(Data(repeating: 7, count: 32).base64EncodedString())",
        "CONCIERGE_CONNECTOR_ALLOWED_NETWORKS": "127.0.0.1/32",
    ]

    @Test func aTicketEventReachesASignatureCheckingReceiverOnce() async throws {
        try await withReceiver(script: []) { receiver in
            try await withTestPlatform(extra: Self.extra) { platform in
                // given a webhook connector subscribed to new tickets
                let tenant = try await platform.makeTenant().tenant.id
                let connector = try await platform.connectors.create(
                    try Self.draft(url: receiver.url), tenant: tenant)
                #expect(connector.secretNames == ["signing_secret"])
                // when a ticket is created and its event is dispatched three times (at-least-once;
                // the later attempts take the one-transaction-per-subscriber path)
                let ticket = try await Self.createTicket(platform, tenant: tenant)
                let event = try await Self.createdEvent(of: ticket, platform: platform, tenant: tenant)
                try await Self.dispatch(event, platform: platform, tenant: tenant)
                try await Self.dispatch(event, platform: platform, tenant: tenant)
                try await Self.dispatch(event, platform: platform, tenant: tenant, attempt: 2)
                let deliveries = try await platform.connectors.deliveries(.init(), tenant: tenant)
                #expect(deliveries.count == 1)
                let delivery = try #require(deliveries.first)
                let done = try await platform.connectorDeliverer.attempt(delivery.id, tenant: tenant)
                // then the receiver accepted one correctly signed request carrying the ticket
                #expect(done?.status == .delivered)
                #expect(done?.attempts == 1)
                #expect(done?.requestSummary?.contains("?") == false)
                let requests = try receiver.requests()
                #expect(requests.count == 1)
                #expect(requests.first?["status"] as? Int == 204)
                let body = requests.first?["json"] as? [String: Any]
                #expect(body?["event"] as? String == "ticket.created")
                #expect((body?["data"] as? [String: Any])?["ticket"] as? [String: Any] != nil)
                // and a second attempt of the same delivery sends nothing
                #expect(try await platform.connectorDeliverer.attempt(delivery.id, tenant: tenant) == nil)
                #expect(try receiver.requests().count == 1)
            }
        }
    }

    @Test func aServerErrorIsRetriedAndARefusalIsQuarantinedThenReplayed() async throws {
        let script: [[String: Any]] = [
            ["status": 503, "body": ["error": "busy"]], ["status": 400, "body": ["error": "no"]],
        ]
        try await withReceiver(script: script) { receiver in
            try await withTestPlatform(extra: Self.extra) { platform in
                let tenant = try await platform.makeTenant().tenant.id
                _ = try await platform.connectors.create(try Self.draft(url: receiver.url), tenant: tenant)
                let ticket = try await Self.createTicket(platform, tenant: tenant)
                try await Self.dispatch(
                    try await Self.createdEvent(of: ticket, platform: platform, tenant: tenant), platform: platform,
                    tenant: tenant)
                let id = try #require(try await platform.connectors.deliveries(.init(), tenant: tenant).first?.id)
                // when the receiver answers 503: retrying, with a next attempt planned
                let first = try await platform.connectorDeliverer.attempt(id, tenant: tenant)
                #expect(first?.status == .retrying)
                #expect(first?.nextAttemptAt != nil)
                // then 400: quarantined, never retried on its own
                let second = try await platform.connectorDeliverer.attempt(id, tenant: tenant)
                #expect(second?.status == .quarantined)
                #expect(second?.attempts == 2)
                #expect(try await platform.connectorDeliverer.attempt(id, tenant: tenant) == nil)
                // and a replay sends it again, now delivered
                let replayed = try await platform.connectors.replay(id, tenant: tenant)
                #expect(replayed.status == .pending && replayed.attempts == 0)
                #expect(try await platform.connectorDeliverer.attempt(id, tenant: tenant)?.status == .delivered)
                #expect(try receiver.requests().count == 3)
            }
        }
    }

    @Test func secretsAreSealedAndConnectorsStayInTheirTenant() async throws {
        try await withTestPlatform(extra: Self.extra) { platform in
            // given a connector of one tenant
            let owner = try await platform.makeTenant().tenant.id
            let other = try await platform.makeTenant().tenant.id
            let connector = try await platform.connectors.create(
                try Self.draft(url: "https://hooks.example.com/in"), tenant: owner)
            // then its secret is not readable in the database
            let stored = try await platform.store.transaction(owner) { try await $0.connectors.find(id: connector.id) }
            let sealed = (stored?.sealedSecrets, stored?.secretsKeyID)
            #expect(sealed.0?.hasPrefix("v1.k1.") == true)
            #expect(sealed.0?.contains("s3cret-value") == false)
            #expect(sealed.1 == "k1")
            // and another tenant can neither see nor change it
            await #expect(throws: AppError.notFound("connector")) {
                _ = try await platform.connectors.find(connector.id.description, tenant: other)
            }
            #expect(try await platform.connectors.list(tenant: other).isEmpty)
        }
    }

    @Test func invalidConnectorsAreRefusedNamingTheField() async throws {
        try await withTestPlatform(extra: Self.extra) { platform in
            let tenant = try await platform.makeTenant().tenant.id
            let cases: [(String, String)] = [
                (#"{"key":"a","kind":"webhook","secrets":{"signing_secret":"x"}}"#, "settings.url"),
                (
                    #"{"key":"a","kind":"webhook","settings":{"url":"ftp://x"},"secrets":{"signing_secret":"x"}}"#,
                    "settings.url"
                ),
                (#"{"key":"a","kind":"webhook","settings":{"url":"https://x.cn"}}"#, "secrets.signing_secret"),
                (
                    #"{"key":"a","kind":"dingtalk_robot","settings":{"security":"keyword"},"secrets":{"access_token":"t"}}"#,
                    "settings.keyword"
                ),
                (
                    #"{"key":"a","kind":"wecom_robot","settings":{"message_type":"card"},"secrets":{"webhook_key":"k"}}"#,
                    "settings.message_type"
                ),
                (
                    #"{"key":"a","kind":"webhook","settings":{"url":"https://x.cn"},"secrets":{"signing_secret":"x"},"events":["ticket.exploded"]}"#,
                    "events[0]"
                ),
            ]
            for (json, field) in cases {
                let draft = try JSONDecoder().decode(ConnectorDraft.self, from: Data(json.utf8))
                do {
                    _ = try await platform.connectors.create(draft, tenant: tenant)
                    Issue.record("accepted \(json)")
                } catch let error as AppError {
                    #expect(error.field == field, "\(json)")
                }
            }
        }
    }

    // MARK: helpers

    static func draft(url: String) throws -> ConnectorDraft {
        let json = """
            {"key":"hook","kind":"webhook","name":"Receiver","settings":{"url":"\(url)"},
             "secrets":{"signing_secret":"s3cret-value"},"events":["ticket.created"]}
            """
        return try JSONDecoder().decode(ConnectorDraft.self, from: Data(json.utf8))
    }

    static func createTicket(_ platform: Platform, tenant: TenantID) async throws -> Ticket {
        try await platform.tickets.create(
            NewTicket(
                subject: "打印机卡纸", description: "客户申请退货",
                requester: .contact(email: "wang@example.cn", phone: nil, name: "王")),
            actor: .system("test"), tenant: tenant)
    }

    static func createdEvent(of ticket: Ticket, platform: Platform, tenant: TenantID) async throws -> RecordedEvent {
        let history = try await platform.store.transaction(tenant) { tx in
            try await tx.events.history(subjectType: "ticket", subjectID: ticket.id.description)
        }
        return try #require(history.first { $0.event.type == "ticket.created" })
    }

    /// Runs the event through the dispatcher with the connector fan-out as its only subscriber,
    /// as the worker's `attempt`-th delivery of the job.
    static func dispatch(_ recorded: RecordedEvent, platform: Platform, tenant: TenantID, attempt: Int = 1)
        async throws
    {
        let payload =
            #"{"event_id":"\#(recorded.event.id)","type":"ticket.created","ticket_id":"\#(recorded.event.subjectID)"}"#
        let job = Job(name: EventDispatchJob.jobName, tenantID: tenant, payload: payload)
        let lease = LeasedJob(job: job, queue: "events", attempt: attempt, leaseToken: "t", enqueuedAt: Date())
        let fanOut = ConnectorFanOut(queue: platform.queue, publicURL: platform.configuration.publicURL)
        try await EventDispatchJob(store: platform.store, subscribers: [fanOut])
            .handle(lease, context: JobContext(workerID: "test", logger: platform.logger))
    }
}

/// The vendor stub (Tests/ConciergeConnectorsTests/Vendors/vendor_stub_server.py) as a
/// generic webhook receiver with secret `s3cret-value`.
struct WebhookReceiver {
    let directory: URL
    let port: Int
    var url: String { "http://127.0.0.1:\(port)/hooks/concierge" }

    func requests() throws -> [[String: Any]] {
        let folder = directory.appendingPathComponent("requests")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            .sorted()
        return try names.map { name in
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name)))
                as? [String: Any]
                ?? [:]
        }
    }
}

func withReceiver(script: [[String: Any]], _ body: (WebhookReceiver) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "receiver-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let config: [String: Any] = ["webhook": ["secrets": ["s3cret-value"]], "script": ["webhook": script]]
    try JSONSerialization.data(withJSONObject: config).write(to: directory.appendingPathComponent("config.json"))
    let server = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ConciergeConnectorsTests/Vendors/vendor_stub_server.py")
    let process = Process()
    process.executableURL = URL(
        fileURLWithPath: ProcessInfo.processInfo.environment["CONCIERGE_TEST_PYTHON"] ?? "/usr/bin/python3")
    process.arguments = [server.path, "--dir", directory.path]
    let lifeline = Pipe()
    process.standardInput = lifeline
    try process.run()
    defer {
        try? lifeline.fileHandleForWriting.close()
        process.waitUntilExit()
    }
    let portFile = directory.appendingPathComponent("port")
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: portFile.path), Date() < deadline {
        try await Task.sleep(for: .milliseconds(50))
    }
    let port = try #require(Int((try? String(contentsOf: portFile, encoding: .utf8)) ?? ""))
    try await body(WebhookReceiver(directory: directory, port: port))
}
