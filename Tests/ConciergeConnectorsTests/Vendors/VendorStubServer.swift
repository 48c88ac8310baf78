import ConciergeConnectors
import ConciergePeerTestSupport
import Foundation

/// The vendors' HTTP APIs for one test: `vendor_stub_server.py` (Python standard library only) on
/// a free port of 127.0.0.1, checking requests the way DingTalk, WeCom, a signed-webhook receiver
/// and an SMS gateway do, and recording each request as JSON for the test to inspect.
///
/// Needs `python3` (`CONCIERGE_TEST_PYTHON` names another interpreter). Requests go through the
/// production ``ConnectorHTTPClient`` with 127.0.0.1 allow-listed.
struct VendorStubServer: Sendable {
    /// The accounts the stub knows and its scripted misbehaviour; `nil` sections are unknown.
    struct Configuration: Encodable, Sendable {
        struct DingTalk: Encodable, Sendable {
            var accessToken = "dt-token-0123"
            var secret: String?
            var keywords: [String] = []
        }
        struct DingTalkApp: Encodable, Sendable {
            var appKey = "dingappkey"
            var appSecret = "dingappsecret"
            var robotCode = "dingrobot01"
            var tokenLifetime = 7200
            var revokeFirstToken = false
        }
        struct WeCom: Encodable, Sendable { var key = "wecom-key-693a91f6" }
        struct Webhook: Encodable, Sendable {
            var secrets = ["whsec_receiver"]
            var tolerance = 300
        }
        struct SMS: Encodable, Sendable { var apiKey = "sms-api-key" }
        /// One canned answer, given instead of the route's normal checks.
        struct Answer: Encodable, Sendable {
            var status: Int
            var body = ""
            var headers: [String: String] = [:]
        }

        var dingtalk: DingTalk?
        var dingtalkApp: DingTalkApp?
        var wecom: WeCom?
        var webhook: Webhook?
        var sms: SMS?
        /// Canned answers per route (dingtalk, dingtalk_token, dingtalk_app, wecom, webhook, sms),
        /// used in order for the route's first requests.
        var script: [String: [Answer]] = [:]
    }

    let port: Int
    private let directory: URL

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Whether python3 exists; the suites are skipped, not failed, without it.
    static let toolsAreInstalled = interpreter != nil

    /// The production client, allowed to reach 127.0.0.1 only (the shared-mode policy blocks
    /// every other private or loopback address).
    static let transport: ConnectorHTTPClient = {
        let policy = OutboundAddressPolicy(mode: .shared, allowList: [IPAddressRange("127.0.0.1/32")!])
        return try! ConnectorHTTPClient(configuration: ConnectorHTTPClientConfiguration(addressPolicy: policy))
    }()

    /// Runs `body` with a fresh server and stops the server afterwards, also when `body` throws.
    static func run(_ configuration: Configuration, _ body: (VendorStubServer) async throws -> Void) async throws {
        guard let python = interpreter else { throw TestServerProcessError("no python3 found: install python3") }
        let directory = try TestServerProcess.makeDirectory(prefix: "vendor-stub")
        defer { try? FileManager.default.removeItem(at: directory) }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try encoder.encode(configuration).write(to: directory.appendingPathComponent("config.json"))
        try await TestServerProcess.run(
            python: python, script: scriptPath, arguments: ["--dir", directory.path], directory: directory
        ) { port in
            try await body(VendorStubServer(port: port, directory: directory))
        }
    }

    /// The requests the server received so far, oldest first.
    func receivedRequests() throws -> [VendorStubRequest] {
        let folder = directory.appendingPathComponent("requests")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            try JSONDecoder().decode(
                VendorStubRequest.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
        }
    }

    private static let scriptPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("vendor_stub_server.py").path

    private static let interpreter: String? =
        ProcessInfo.processInfo.environment["CONCIERGE_TEST_PYTHON"] ?? TestServerProcess.executable(named: "python3")
}

/// One request as vendor_stub_server.py recorded it, with the answer it gave.
struct VendorStubRequest: Decodable, Sendable {
    let method: String
    let path: String
    let query: [String: String]
    /// Header names in lower case.
    let headers: [String: String]
    /// The raw body as UTF-8 text.
    let body: String
    let form: [String: String]?
    let route: String?
    let status: Int
    let answer: String

    /// The body parsed as a JSON object.
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
    }
}
