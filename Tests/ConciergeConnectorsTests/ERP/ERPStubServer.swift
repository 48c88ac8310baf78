import ConciergeConnectors
import ConciergePeerTestSupport
import Foundation

/// The ERP and CRM APIs for one test: `erp_stub_server.py` (Python standard library only) on a
/// free port of 127.0.0.1, speaking Salesforce's, HubSpot's, Odoo's, Kingdee's and Yonyou's wire
/// formats and checking credentials, signatures, filters and idempotency keys on its own.
///
/// Every vendor holds eight records changed at 2024-05-01T00:00Z + 0…7 h, so ``since`` (01:30Z)
/// selects six of them: three pages of two.
struct ERPStubServer: Sendable {
    /// The accounts the stub knows; `nil` sections are vendors it does not serve.
    struct Configuration: Encodable, Sendable {
        struct Salesforce: Encodable, Sendable {
            var clientId = "sf-client-id"
            var clientSecret = "sf-client-secret"
            var expectedSince: String?
            var expireFirstToken = false
        }
        struct HubSpot: Encodable, Sendable {
            var token = "pat-na1-0000"
            var expectedSinceMs: Int64?
        }
        struct Odoo: Encodable, Sendable {
            var database = "acme"
            var login = "api@acme.example"
            var apiKey = "odoo-api-key"
            var expectedSince: String?
        }
        struct Kingdee: Encodable, Sendable {
            var acctId = "62f0a1b2c3"
            var username = "concierge"
            var password = "kd-password"
            var expectedSince: String?
            var expireFirstSession = false
        }
        struct Yonyou: Encodable, Sendable {
            var appKey = "ak-123"
            var appSecret = "yy-secret"
            var expectedSince: String?
            var expireFirstToken = false
        }
        struct HMAC: Encodable, Sendable {
            var keyId = "key-1"
            var secret = "hmac-secret"
        }
        /// One canned answer, given instead of the route's normal handling.
        struct Answer: Encodable, Sendable {
            var status: Int
            var body = ""
            var headers: [String: String] = [:]
        }

        var salesforce: Salesforce?
        var hubspot: HubSpot?
        var odoo: Odoo?
        var kingdee: Kingdee?
        var yonyou: Yonyou?
        var hmac: HMAC?
        /// Canned answers per route, used in order for the route's first requests.
        var script: [String: [Answer]] = [:]
    }

    /// 2024-05-01T01:30:00Z: the updated-since of the paging tests.
    static let since = Date(timeIntervalSince1970: 1_714_527_000)

    let port: Int
    private let directory: URL

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Whether python3 exists; the suites are skipped, not failed, without it.
    static let toolsAreInstalled = interpreter != nil

    /// The production client, allowed to reach 127.0.0.1 only.
    static var transport: ConnectorHTTPClient { VendorStubServer.transport }

    /// Runs `body` with a fresh server and stops the server afterwards, also when `body` throws.
    static func run(_ configuration: Configuration, _ body: (ERPStubServer) async throws -> Void) async throws {
        guard let python = interpreter else { throw TestServerProcessError("no python3 found: install python3") }
        let directory = try TestServerProcess.makeDirectory(prefix: "erp-stub")
        defer { try? FileManager.default.removeItem(at: directory) }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try encoder.encode(configuration).write(to: directory.appendingPathComponent("config.json"))
        try await TestServerProcess.run(
            python: python, script: scriptPath, arguments: ["--dir", directory.path], directory: directory
        ) { port in
            try await body(ERPStubServer(port: port, directory: directory))
        }
    }

    /// The requests the server received so far, oldest first.
    func receivedRequests() throws -> [ERPStubRequest] {
        let folder = directory.appendingPathComponent("requests")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            try JSONDecoder().decode(ERPStubRequest.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
        }
    }

    /// How many documents the stub holds per kind (`kingdee_orders`, `odoo_pickings`, …).
    func documentCounts() async throws -> [String: Int] {
        let response = try await Self.transport.send(ConnectorHTTPRequest(method: "GET", url: baseURL + "/__state"))
        return try JSONDecoder().decode([String: Int].self, from: Data(response.body))
    }

    private static let scriptPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("erp_stub_server.py").path

    private static let interpreter: String? =
        ProcessInfo.processInfo.environment["CONCIERGE_TEST_PYTHON"] ?? TestServerProcess.executable(named: "python3")
}

/// One request as erp_stub_server.py recorded it, with the answer it gave.
struct ERPStubRequest: Decodable, Sendable {
    let method: String
    let path: String
    let query: [String: String]
    /// Header names in lower case.
    let headers: [String: String]
    /// The raw body as UTF-8 text.
    let body: String
    let route: String?
    let status: Int
    let answer: String

    /// The body parsed as a JSON object.
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
    }
}
