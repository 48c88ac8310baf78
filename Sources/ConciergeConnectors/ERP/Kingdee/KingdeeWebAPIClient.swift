import Foundation

/// The K/3 Cloud WebAPI: JSON `POST`s to `{base}/Kingdee.BOS.WebApi.ServicesStub.<Service>.common.kdsvc`.
///
/// It first logs in with `AuthService.ValidateUser` (`acctID`, `username`, `password`, `lcid`),
/// which answers `LoginResultType` 1 and sets the `kdservice-sessionid` (and `ASP.NET_SessionId`)
/// cookies; later calls send those cookies. When a call answers that the session is lost
/// (`MsgCode` 1, "会话信息已丢失"), the client logs in again once and repeats the call.
struct KingdeeWebAPIClient: Sendable {
    private actor SessionCookies {
        var cookie: String?
        var loginCount = 0
        func store(_ cookie: String?) {
            self.cookie = cookie
            if cookie != nil { loginCount += 1 }
        }
    }

    private static let servicePrefix = "/Kingdee.BOS.WebApi.ServicesStub."
    private let rest: RESTClient
    private let configuration: KingdeeConfiguration
    private let session = SessionCookies()
    private let now: @Sendable () -> Date

    init(
        configuration: KingdeeConfiguration, transport: any ConnectorHTTPTransport, now: @escaping @Sendable () -> Date
    ) {
        self.rest = RESTClient(baseURL: configuration.baseURL, auth: .none, transport: transport, now: now)
        self.configuration = configuration
        self.now = now
    }

    /// How many logins succeeded; tests prove session reuse with it.
    var loginCount: Int {
        get async { await session.loginCount }
    }

    /// `DynamicFormService.<operation>` with `body`, logged in; the parsed JSON answer (an object
    /// for Save, an array of rows for ExecuteBillQuery).
    func call(_ operation: String, _ body: [String: Any]) async throws(IntegrationFailure) -> Any {
        let service = "DynamicFormService.\(operation)"
        var answer = try await post(service, body, cookie: try await sessionCookie())
        if let status = KingdeeResponseStatus(answer), !status.isSuccess, status.isSessionLost {
            await session.store(nil)
            answer = try await post(service, body, cookie: try await sessionCookie())
        }
        if let status = KingdeeResponseStatus(answer), !status.isSuccess { throw status.failure(operation: operation) }
        return answer
    }

    private func sessionCookie() async throws(IntegrationFailure) -> String {
        if let cookie = await session.cookie { return cookie }
        let body: [String: Any] = [
            "acctID": configuration.accountSetID, "username": configuration.username,
            "password": configuration.password, "lcid": configuration.languageID,
        ]
        let response = try await send("AuthService.ValidateUser", body, cookie: nil)
        let object = VendorJSON.object(response.body)
        guard VendorJSON.integer(object?["LoginResultType"]) == 1 else {
            let message = (object?["Message"] as? String).map(IntegrationFailure.sanitized) ?? "-"
            throw IntegrationFailure.permanent(
                reason: "kingdee refused the login of \(configuration.username) to data centre "
                    + "\(configuration.accountSetID): \(message) (check user, password and acctID)")
        }
        let cookies = response.headers.filter { $0.name.lowercased() == "set-cookie" }.compactMap {
            $0.value.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        guard cookies.contains(where: { $0.lowercased().hasPrefix("kdservice-sessionid=") }) else {
            throw IntegrationFailure.protocolViolation("kingdee", "the login set no kdservice-sessionid cookie")
        }
        let cookie = cookies.joined(separator: "; ")
        await session.store(cookie)
        return cookie
    }

    private func post(_ service: String, _ body: [String: Any], cookie: String) async throws(IntegrationFailure) -> Any
    {
        let response = try await send(service, body, cookie: cookie)
        guard !response.body.isEmpty,
            let answer = try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
        else { throw IntegrationFailure.protocolViolation("kingdee", "\(service) answered without JSON") }
        return answer
    }

    private func send(_ service: String, _ body: [String: Any], cookie: String?) async throws(IntegrationFailure)
        -> ConnectorHTTPResponse
    {
        let headers = cookie.map { [ConnectorHTTPHeader("Cookie", $0)] } ?? []
        let response: ConnectorHTTPResponse
        do {
            response = try await rest.send(
                .json("POST", Self.servicePrefix + service + ".common.kdsvc", body, headers: headers))
        } catch {
            throw error.failure
        }
        guard (200..<300).contains(response.status) else {
            throw IntegrationFailure.http(response, vendor: "kingdee", detail: nil, now: now())
        }
        return response
    }
}
