import Foundation

/// Odoo's external JSON-RPC API: `POST /jsonrpc` with
/// `{"jsonrpc": "2.0", "method": "call", "params": {"service": …, "method": …, "args": […]}}`.
///
/// `common.login(db, login, key)` answers the user id (or `false`); every model call is then
/// `object.execute_kw(db, uid, key, model, method, args, kwargs)`. Odoo keeps no session for this
/// API, so the id is cached and the key is sent with each call. Errors arrive with HTTP 200 as
/// `{"error": {"code": 200, "message": "Odoo Server Error", "data": {"name": "odoo.exceptions.…",
/// "message": …}}}` and are classified by `data.name`.
struct OdooRPCClient: Sendable {
    private actor UserIDCache {
        var userID: Int?
        func store(_ userID: Int) { self.userID = userID }
    }

    /// Error names after which the same call may succeed: database serialization conflicts and
    /// lock timeouts when two writers meet.
    static let retryableErrorNames: Set<String> = [
        "psycopg2.errors.SerializationFailure", "psycopg2.errors.LockNotAvailable", "psycopg2.OperationalError",
        "odoo.addons.base.models.ir_cron.CronLockError",
    ]

    private let rest: RESTClient
    private let database: String
    private let login: String
    private let apiKey: String
    private let cache = UserIDCache()
    private let now: @Sendable () -> Date

    init(configuration: OdooConfiguration, transport: any ConnectorHTTPTransport, now: @escaping @Sendable () -> Date) {
        rest = RESTClient(baseURL: configuration.baseURL, auth: .none, transport: transport, now: now)
        database = configuration.database
        login = configuration.login
        apiKey = configuration.apiKey
        self.now = now
    }

    /// `model.method(*args, **kwargs)` as the API user.
    func execute(_ model: String, _ method: String, _ args: [Any], _ kwargs: [String: Any] = [:])
        async throws(IntegrationFailure) -> Any
    {
        let userID = try await authenticatedUserID()
        return try await call(
            service: "object", method: "execute_kw",
            args: [database, userID, apiKey, model, method, args, kwargs])
    }

    /// `search_read` returning the rows.
    func searchRead(_ model: String, domain: [Any], kwargs: [String: Any]) async throws(IntegrationFailure) -> [Any] {
        guard let rows = try await execute(model, "search_read", [domain], kwargs) as? [Any] else {
            throw IntegrationFailure.protocolViolation("odoo", "search_read on \(model) answered no list")
        }
        return rows
    }

    private func authenticatedUserID() async throws(IntegrationFailure) -> Int {
        if let cached = await cache.userID { return cached }
        let result = try await call(service: "common", method: "login", args: [database, login, apiKey])
        // `false` for a refused login; JSON booleans and numbers share NSNumber, so go by the text.
        guard let text = VendorJSON.scalarText(result), let userID = Int(text), userID > 0 else {
            throw IntegrationFailure.permanent(
                reason: "odoo refused the login of \(login) on database \(database) (check login and API key)")
        }
        await cache.store(userID)
        return userID
    }

    private func call(service: String, method: String, args: [Any]) async throws(IntegrationFailure) -> Any {
        let envelope: [String: Any] = [
            "jsonrpc": "2.0", "method": "call", "id": Int.random(in: 1...999_999),
            "params": ["service": service, "method": method, "args": args],
        ]
        let response: ConnectorHTTPResponse
        do {
            response = try await rest.send(.json("POST", "/jsonrpc", envelope))
        } catch {
            throw error.failure
        }
        let object = VendorJSON.object(response.body)
        guard (200..<300).contains(response.status) else {
            throw IntegrationFailure.http(response, vendor: "odoo", detail: object.map(Self.errorDetail), now: now())
        }
        guard let object else { throw IntegrationFailure.protocolViolation("odoo", "answered without JSON-RPC") }
        if let error = object["error"] as? [String: Any] {
            let name = ((error["data"] as? [String: Any])?["name"] as? String) ?? "-"
            let reason = "odoo \(service).\(method) failed: \(Self.errorDetail(object))"
            throw Self.retryableErrorNames.contains(name)
                ? IntegrationFailure.retryable(reason: reason, retryAfter: nil) : .permanent(reason: reason)
        }
        guard let result = object["result"] else {
            throw IntegrationFailure.protocolViolation("odoo", "answered without result or error")
        }
        return result
    }

    private static func errorDetail(_ object: [String: Any]) -> String {
        guard let error = object["error"] as? [String: Any] else { return "" }
        let data = error["data"] as? [String: Any]
        let name = data?["name"] as? String ?? "-"
        let message = data?["message"] as? String ?? error["message"] as? String ?? ""
        return "\(name): \(IntegrationFailure.sanitized(message))"
    }
}
