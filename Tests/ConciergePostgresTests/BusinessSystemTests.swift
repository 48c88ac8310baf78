import ConciergeConnectors
import ConciergeCore
import ConciergeDomain
import ConciergePeerTestSupport
import ConciergePostgres
import ConciergeQueue
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `crm` and `erp` connectors end to end: real Postgres, the production HTTP client and the
/// Odoo stub of the connector tests (Tests/ConciergeConnectorsTests/ERP/erp_stub_server.py),
/// which speaks Odoo's JSON-RPC and checks credentials, filters and idempotency on its own.
@Suite(.serialized) struct BusinessSystemTests {
    static let extra = ConnectorPipelineTests.extra

    @Test func aCRMSyncPullsOrganizationsCustomersAndContractsThenOnlyWhatChanged() async throws {
        try await withOdooStub { stub in
            try await withTestPlatform(extra: Self.extra) { platform in
                // given a crm connector, and a customer who already wrote in from one of the CRM's addresses
                let tenant = try await platform.makeTenant().tenant.id
                let connector = try await platform.connectors.create(try Self.crm(stub), tenant: tenant)
                let known = try await platform.customers.create(
                    CustomerDraft(name: "Known caller", emails: ["p3@example.com"]), actor: .system("test"),
                    tenant: tenant)

                // when it syncs
                let states = try await platform.crmSyncer.sync(connector.id, tenant: tenant)

                // then four companies, four people (the known one linked, not copied) and three contracts arrived
                #expect(states.map(\.kind) == ["organizations", "customers", "contracts"])
                #expect(states.allSatisfy { $0.pageCursor == nil && $0.lastError == nil && $0.lastSuccessAt != nil })
                #expect(states.map(\.recordsSynced) == [4, 4, 3])
                let organizations = try await platform.customers.organizations(.init(limit: 50), tenant: tenant).items
                #expect(organizations.map(\.name) == ["Partner 0", "Partner 2", "Partner 4", "Partner 6"])
                #expect(organizations.map { $0.externalIDs["odoo"] } == ["40", "42", "44", "46"])
                let customers = try await platform.customers.list(.init(limit: 50), tenant: tenant).items
                #expect(customers.count == 4)
                let linked = try #require(customers.first { $0.id == known.id })
                #expect(linked.externalIDs == ["odoo": "43"])
                #expect(linked.name == "Partner 3")
                #expect(linked.organizationID == organizations.first { $0.externalIDs["odoo"] == "42" }?.id)
                let profile = try await platform.customers.profile360(known.id, tenant: tenant)
                #expect(profile.contracts.map(\.number) == ["S00071"])
                #expect(profile.contracts.first?.isActive(at: Date()) == true)
                #expect(states.first { $0.kind == "customers" }?.updatedSince == Self.changed(hours: 7))

                // when it syncs again: every kind asks from its last change time and nothing changes
                let eventsBefore = try await Self.directoryEvents(platform, tenant: tenant)
                let again = try await platform.crmSyncer.sync(connector.id, tenant: tenant)
                #expect(again.map(\.recordsSynced) == [5, 5, 4])
                #expect(try await Self.directoryEvents(platform, tenant: tenant) == eventsBefore)
                let filters = try stub.requests().compactMap(Self.writeDateFilter)
                #expect(filters.suffix(3) == ["2024-05-01 06:00:00", "2024-05-01 07:00:00", "2024-05-01 04:30:00"])
                // and the status says when it runs next
                let status = try await platform.businessSystemDesk.syncStatus("odoo", tenant: tenant)
                #expect(try #require(status.nextRunAt) > Date().addingTimeInterval(14 * 60))
            }
        }
    }

    @Test func aSyncStoppedByAnOutageResumesFromTheStoredPage() async throws {
        // given Odoo logs in, answers the first page of companies (one more row than the page
        // size: there is more), then is down once
        let page =
            #"{"jsonrpc":"2.0","id":2,"result":[{"id":40,"name":"Partner 0","write_date":"2024-05-01 00:00:00"},"#
            + #"{"id":42,"name":"Partner 2","write_date":"2024-05-01 02:00:00"},"#
            + #"{"id":44,"name":"Partner 4","write_date":"2024-05-01 04:00:00"}]}"#
        let script: [String: Any] = [
            "odoo": [
                ["status": 200, "body": #"{"jsonrpc":"2.0","id":1,"result":7}"#], ["status": 200, "body": page],
                ["status": 503, "body": "<html>maintenance</html>"],
            ]
        ]
        try await withOdooStub(script: script) { stub in
            try await withTestPlatform(extra: Self.extra) { platform in
                let tenant = try await platform.makeTenant().tenant.id
                let connector = try await platform.connectors.create(try Self.crm(stub), tenant: tenant)

                // when the first run meets the outage
                let stopped = try await platform.crmSyncer.sync(connector.id, tenant: tenant)

                // then the page that arrived is stored with the cursor after it, and no other kind ran
                let organizations = try #require(stopped.first)
                #expect(organizations.pageCursor == "2" && organizations.recordsSynced == 2)
                #expect(organizations.lastError?.contains("503") == true)
                #expect(stopped.dropFirst().allSatisfy { $0.recordsSynced == 0 && $0.runStartedAt == nil })
                // when the next run goes on from offset 2 and finishes
                let resumed = try await platform.crmSyncer.sync(connector.id, tenant: tenant)
                #expect(resumed.map(\.pageCursor) == [nil, nil, nil])
                #expect(resumed.first?.lastError == nil && resumed.first?.recordsSynced == 4)
                let offsets = try stub.requests().compactMap(Self.companyPageOffset)
                #expect(offsets.prefix(2) == [0, 2])
                let names = try await platform.customers.organizations(.init(limit: 50), tenant: tenant).items
                    .map(\.name)
                #expect(names == ["Partner 0", "Partner 2", "Partner 4", "Partner 6"])
            }
        }
    }

    @Test func stockIssueOrdersAndTicketSummariesGoThroughTheERP() async throws {
        try await withOdooStub { stub in
            try await withTestPlatform(extra: Self.extra) { platform in
                // given an erp and a crm connector to the same Odoo, and the customers synced from it
                let tenant = try await platform.makeTenant().tenant.id
                let crm = try await platform.connectors.create(
                    try Self.crm(stub, events: ["ticket.created"]), tenant: tenant)
                _ = try await platform.connectors.create(try Self.erp(stub), tenant: tenant)
                try await platform.crmSyncer.sync(crm.id, tenant: tenant)
                let customer = try #require(
                    try await platform.customers.list(.init(limit: 50), tenant: tenant).items.first {
                        $0.externalIDs["odoo"] == "43"
                    })

                // when an agent looks up stock
                let levels = try await platform.businessSystemDesk.inventory(
                    "odoo-stock", parts: ["P-100", "P-200", "NOPE"], warehouse: nil, tenant: tenant)
                #expect(levels.map(\.partNumber) == ["P-100", "P-200"])
                #expect(levels.first?.available == 12)

                // and orders two pumps for a ticket of that customer (the request repeated)
                let ticket = try await platform.tickets.create(
                    Self.ticketDraft(requester: customer), actor: .system("test"), tenant: tenant)
                let draft = try JSONDecoder().decode(
                    IssueOrderDraft.self,
                    from: Data(
                        #"{"connector":"odoo-stock","lines":[{"part_number":"P-100","quantity":2}],"idempotency_key":"k1"}"#
                            .utf8))
                let order = try await platform.businessSystemDesk.placeIssueOrder(
                    draft, ticket: .id(ticket.id), actor: .system("test"), tenant: tenant)
                let repeated = try await platform.businessSystemDesk.placeIssueOrder(
                    draft, ticket: .number(ticket.number), actor: .system("test"), tenant: tenant)
                #expect(repeated.id == order.id)
                let sent = try await platform.connectorDeliverer.attempt(order.id, tenant: tenant)

                // then one picking exists in Odoo, for the customer's organization, and the ticket lists it
                #expect(sent?.status == .delivered)
                #expect(sent?.result == "issue order WH/OUT/00900 created")
                #expect(try await stub.documentCounts()["odoo_pickings"] == 1)
                let orders = try await platform.businessSystemDesk.issueOrders(ticket: .id(ticket.id), tenant: tenant)
                #expect(orders.map(\.id) == [order.id])
                let picking = try stub.requests().compactMap(Self.createdPicking).first
                #expect(picking?["partner_id"] as? Int == 42)

                // and the crm connector, subscribed to new tickets, posts the summary on the customer
                try await ConnectorPipelineTests.dispatch(
                    try await ConnectorPipelineTests.createdEvent(of: ticket, platform: platform, tenant: tenant),
                    platform: platform, tenant: tenant)
                let summary = try #require(
                    try await platform.connectors.deliveries(.init(connectorID: crm.id), tenant: tenant).first)
                #expect(try await platform.connectorDeliverer.attempt(summary.id, tenant: tenant)?.status == .delivered)
                #expect(try await stub.documentCounts()["odoo_notes"] == 1)
            }
        }
    }

    @Test func aTriggerPlacesAnIssueOrderThroughTheERP() async throws {
        try await withOdooStub { stub in
            try await withTestPlatform(extra: Self.extra) { platform in
                // given synced customers, an erp connector and a trigger that orders a seal for leaks
                let tenant = try await platform.makeTenant().tenant.id
                let crm = try await platform.connectors.create(try Self.crm(stub), tenant: tenant)
                _ = try await platform.connectors.create(try Self.erp(stub), tenant: tenant)
                try await platform.crmSyncer.sync(crm.id, tenant: tenant)
                let trigger = try JSONDecoder().decode(
                    Trigger.self,
                    from: Data(
                        #"""
                        {"key":"order-seal","title":{"zh_cn":"漏油自动领料","en":"Order a seal for leaks"},
                         "events":["ticket_created"],"conditions":{"all":[{"field":"subject","operator":"contains","value":"leaks"}]},
                         "actions":[{"action":"call_connector","connector":"odoo-stock",
                                     "payload":{"lines":[{"part_number":"P-200","quantity":1}],"warehouse":"WH"}}]}
                        """#.utf8))
                _ = try await platform.rules.saveTrigger(trigger, actor: .system("test"), tenant: tenant)
                let customer = try #require(
                    try await platform.customers.list(.init(limit: 50), tenant: tenant).items.first {
                        $0.externalIDs["odoo"] == "45"
                    })

                // when a matching ticket's triggers run and the delivery is attempted
                let ticket = try await platform.tickets.create(
                    Self.ticketDraft(requester: customer), actor: .system("test"), tenant: tenant)
                try await RuleConnectorCallTests.runTriggers(on: ticket, platform: platform, tenant: tenant)
                let orders = try await platform.businessSystemDesk.issueOrders(ticket: .id(ticket.id), tenant: tenant)
                #expect(orders.map(\.eventType) == ["ticket.rules_fired"])
                let delivery = try #require(orders.first)
                let sent = try await platform.connectorDeliverer.attempt(delivery.id, tenant: tenant)

                // then Odoo holds one picking for the customer's company (44)
                #expect(sent?.status == .delivered)
                #expect(sent?.result?.hasPrefix("issue order WH/OUT/") == true)
                let picking = try #require(try stub.requests().compactMap(Self.createdPicking).first)
                #expect(picking["partner_id"] as? Int == 44)
            }
        }
    }

    @Test func aRESTConnectorSendsTheTicketToATenantsOwnSystemSigned() async throws {
        // the placeholders the API accepts are the ones the connector renders
        #expect(ConnectorSettingsRules.restTemplateNames == GenericRESTConnector.templateNames)
        try await withOdooStub { stub in
            try await withTestPlatform(extra: Self.extra) { platform in
                // given a rest connector with HMAC auth and its own body, subscribed to new tickets
                let tenant = try await platform.makeTenant().tenant.id
                let body: [String: Any] = [
                    "key": "mes", "kind": "rest", "events": ["ticket.created"],
                    "settings": [
                        "base_url": stub.baseURL, "path": "/signed/echo", "auth": "hmac", "key_id": "key-1",
                        "body_template":
                            #"{"ticket_no": "{{ticket.number}}", "title": "{{ticket.subject}}", "ref": "{{delivery_id}}"}"#,
                    ],
                    "secrets": ["hmac_secret": "hmac-secret"],
                ]
                let connector = try await platform.connectors.create(
                    try JSONDecoder().decode(ConnectorDraft.self, from: JSONSerialization.data(withJSONObject: body)),
                    tenant: tenant)
                // when a ticket is created and its event dispatched
                let ticket = try await ConnectorPipelineTests.createTicket(platform, tenant: tenant)
                try await ConnectorPipelineTests.dispatch(
                    try await ConnectorPipelineTests.createdEvent(of: ticket, platform: platform, tenant: tenant),
                    platform: platform, tenant: tenant)
                let delivery = try #require(
                    try await platform.connectors.deliveries(.init(connectorID: connector.id), tenant: tenant).first)
                let sent = try await platform.connectorDeliverer.attempt(delivery.id, tenant: tenant)
                // then the stub verified the signature and got the rendered body
                #expect(sent?.status == .delivered, "\(String(describing: sent?.lastError))")
                let request = try #require(try stub.requests().last { ($0["path"] as? String) == "/signed/echo" })
                let sentBody = try #require(
                    try JSONSerialization.jsonObject(with: Data((request["body"] as? String ?? "").utf8))
                        as? [String: Any])
                #expect(sentBody["ticket_no"] as? String == "#\(ticket.number)")
                #expect(sentBody["title"] as? String == "打印机卡纸")
                #expect(sentBody["ref"] as? String == delivery.id.description)
            }
        }
    }

    @Test func theSchedulerQueuesEachDueCRMConnectorOnceAPeriod() async throws {
        try await withTestPlatform(extra: Self.extra) { platform in
            // given an enabled and a disabled crm connector
            let tenant = try await platform.makeTenant().tenant.id
            let draft =
                #"{"key":"hs","kind":"crm","settings":{"vendor":"hubspot","sync_interval_minutes":5},"#
                + #""secrets":{"access_token":"t"}}"#
            let enabled = try await platform.connectors.create(
                try JSONDecoder().decode(ConnectorDraft.self, from: Data(draft.utf8)), tenant: tenant)
            _ = try await platform.connectors.create(
                try JSONDecoder().decode(
                    ConnectorDraft.self,
                    from: Data(
                        draft.replacingOccurrences(of: #""key":"hs""#, with: #""key":"off","enabled":false"#).utf8)),
                tenant: tenant)
            let task = CRMSyncTask(
                directory: CRMSyncPostgresDirectory(client: platform.postgres, logger: platform.logger),
                store: platform.store, queue: platform.queue, logger: platform.logger)

            // when the pass runs twice in a row
            try await task.runOnce()
            try await task.runOnce()

            // then one run of the enabled connector is queued, and its next run is an interval away
            let stats = try await platform.queue.stats(of: ConnectorDeliverer.queue)
            #expect(stats.enqueuedTotal == 1)
            let lease = try #require(
                try await platform.queue.dequeue(from: ConnectorDeliverer.queue, visibilityTimeout: .seconds(30)))
            #expect(lease.job.name == CRMSyncJob.jobName && lease.job.payload.contains(enabled.id.description))
            let next = try await platform.businessSystemDesk.syncStatus("hs", tenant: tenant).nextRunAt
            #expect(try #require(next) > Date().addingTimeInterval(4 * 60))
        }
    }

    @Test func wrongKindsAndSettingsAreRefusedNamingTheField() async throws {
        try await withTestPlatform(extra: Self.extra) { platform in
            let tenant = try await platform.makeTenant().tenant.id
            let cases: [(String, String)] = [
                (#"{"key":"a","kind":"crm","settings":{"vendor":"sap"}}"#, "settings.vendor"),
                (
                    #"{"key":"a","kind":"erp","settings":{"vendor":"hubspot"},"secrets":{"access_token":"t"}}"#,
                    "settings.vendor"
                ),
                (
                    #"{"key":"a","kind":"crm","settings":{"vendor":"odoo","base_url":"http://x","login":"l"},"secrets":{"api_key":"k"}}"#,
                    "settings.database"
                ),
                (#"{"key":"a","kind":"crm","settings":{"vendor":"hubspot"}}"#, "secrets.access_token"),
                (
                    #"{"key":"a","kind":"crm","settings":{"vendor":"hubspot","sync":["tickets"]},"secrets":{"access_token":"t"}}"#,
                    "settings.sync"
                ),
                (
                    #"{"key":"a","kind":"crm","settings":{"vendor":"hubspot","sync_interval_minutes":0},"secrets":{"access_token":"t"}}"#,
                    "settings.sync_interval_minutes"
                ),
                (
                    #"{"key":"a","kind":"erp","settings":{"vendor":"kingdee","base_url":"http://x","account_set_id":"1","username":"u","sync":["customers"]},"secrets":{"password":"p"}}"#,
                    "settings.sync"
                ),
                (
                    #"{"key":"a","kind":"crm","settings":{"vendor":"hubspot"},"secrets":{"access_token":"t","password":"p"}}"#,
                    "secrets.password"
                ),
            ]
            for (json, field) in cases {
                let draft = try JSONDecoder().decode(ConnectorDraft.self, from: Data(json.utf8))
                do {
                    _ = try await platform.connectors.create(draft, tenant: tenant)
                    Issue.record("accepted \(json)")
                } catch let error as AppError {
                    #expect(error.field == field, "\(json): \(error)")
                }
            }
            // and the stock lookup of a crm connector is refused as not an erp
            _ = try await platform.connectors.create(
                try JSONDecoder().decode(
                    ConnectorDraft.self,
                    from: Data(
                        #"{"key":"hs","kind":"crm","settings":{"vendor":"hubspot"},"secrets":{"access_token":"t"}}"#
                            .utf8)),
                tenant: tenant)
            await #expect(throws: AppError.self) {
                _ = try await platform.businessSystemDesk.inventory(
                    "hs", parts: ["P-1"], warehouse: nil, tenant: tenant)
            }
        }
    }

    // MARK: helpers

    static func crm(_ stub: OdooStub, events: [String] = []) throws -> ConnectorDraft {
        let body: [String: Any] = [
            "key": "odoo", "kind": "crm", "events": events,
            "settings": [
                "vendor": "odoo", "base_url": stub.baseURL, "database": "acme", "login": "api@acme.example",
                "page_size": 2,
            ],
            "secrets": ["api_key": "odoo-api-key"],
        ]
        return try JSONDecoder().decode(ConnectorDraft.self, from: JSONSerialization.data(withJSONObject: body))
    }

    static func erp(_ stub: OdooStub) throws -> ConnectorDraft {
        let body: [String: Any] = [
            "key": "odoo-stock", "kind": "erp",
            "settings": [
                "vendor": "odoo", "base_url": stub.baseURL, "database": "acme", "login": "api@acme.example",
                "external_ids_key": "odoo", "picking_type_by_warehouse": ["WH": 2],
                "source_location_by_warehouse": ["WH": 8],
            ],
            "secrets": ["api_key": "odoo-api-key"],
        ]
        return try JSONDecoder().decode(ConnectorDraft.self, from: JSONSerialization.data(withJSONObject: body))
    }

    static func ticketDraft(requester: Customer) -> NewTicket {
        NewTicket(
            subject: "Pump leaks", description: "The pump in hall 2 leaks oil.",
            requester: .contact(email: requester.emails.first, phone: nil, name: requester.name))
    }

    /// 2024-05-01T00:00Z plus `hours`: when the stub's records changed.
    static func changed(hours: Double) -> Date { Date(timeIntervalSince1970: 1_714_521_600 + hours * 3600) }

    static func directoryEvents(_ platform: Platform, tenant: TenantID) async throws -> Int {
        try await platform.store.transaction(tenant) { tx in
            try await tx.events.list(before: nil, limit: 500, subjectType: nil, subjectID: nil)
                .filter { $0.event.type.hasPrefix("customer.") || $0.event.type.hasPrefix("organization.") }.count
        }
    }

    /// The `write_date >= …` value of a partner or sale order search, if the request is one.
    static func writeDateFilter(_ request: [String: Any]) -> String? {
        guard let args = Self.executeArgs(request), args.count > 5, let domain = (args[5] as? [Any])?.first as? [Any]
        else { return nil }
        for term in domain {
            if let leaf = term as? [Any], leaf.first as? String == "write_date" { return leaf.last as? String }
        }
        return nil
    }

    /// The offset of a company page request.
    static func companyPageOffset(_ request: [String: Any]) -> Int? {
        guard let args = Self.executeArgs(request), args.count > 6, args[3] as? String == "res.partner",
            let domain = (args[5] as? [Any])?.first as? [Any],
            domain.contains(where: { term in
                guard let leaf = term as? [Any], leaf.count == 3 else { return false }
                return leaf[0] as? String == "is_company" && (leaf[2] as? Bool) == true
            }),
            let kwargs = args[6] as? [String: Any]
        else { return nil }
        return kwargs["offset"] as? Int ?? 0
    }

    /// The values of a `stock.picking.create` call.
    static func createdPicking(_ request: [String: Any]) -> [String: Any]? {
        guard let args = Self.executeArgs(request), args.count > 5, args[3] as? String == "stock.picking",
            args[4] as? String == "create"
        else { return nil }
        return (args[5] as? [Any])?.first as? [String: Any]
    }

    private static func executeArgs(_ request: [String: Any]) -> [Any]? {
        guard let body = request["body"] as? String,
            let json = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let params = json["params"] as? [String: Any], params["method"] as? String == "execute_kw"
        else { return nil }
        return params["args"] as? [Any]
    }
}

/// erp_stub_server.py with Odoo enabled (database `acme`, login `api@acme.example`, key
/// `odoo-api-key`) and its HMAC-checking `/signed/echo` (key `key-1`, secret `hmac-secret`), on a
/// free port of 127.0.0.1.
struct OdooStub {
    let port: Int
    let directory: URL
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The requests it received, oldest first, as recorded (`method`, `path`, `body`, …).
    func requests() throws -> [[String: Any]] {
        let folder = directory.appendingPathComponent("requests")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name)))
                as? [String: Any] ?? [:]
        }
    }

    /// How many documents it holds per kind (`odoo_pickings`, `odoo_notes`, …).
    func documentCounts() async throws -> [String: Int] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: baseURL + "/__state")!)
        return try JSONDecoder().decode([String: Int].self, from: data)
    }
}

func withOdooStub(script: [String: Any] = [:], _ body: (OdooStub) async throws -> Void) async throws {
    let directory = try TestServerProcess.makeDirectory(prefix: "odoo-stub")
    defer { try? FileManager.default.removeItem(at: directory) }
    let config: [String: Any] = [
        "odoo": ["database": "acme", "login": "api@acme.example", "api_key": "odoo-api-key"],
        "hmac": ["key_id": "key-1", "secret": "hmac-secret"], "script": script,
    ]
    try JSONSerialization.data(withJSONObject: config).write(to: directory.appendingPathComponent("config.json"))
    let server = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ConciergeConnectorsTests/ERP/erp_stub_server.py")
    let python = ProcessInfo.processInfo.environment["CONCIERGE_TEST_PYTHON"] ?? "/usr/bin/python3"
    try await TestServerProcess.run(
        python: python, script: server.path, arguments: ["--dir", directory.path], directory: directory
    ) { port in
        try await body(OdooStub(port: port, directory: directory))
    }
}
