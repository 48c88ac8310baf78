import ConciergeCore
import ConciergeHTTP
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Runs `body` against the real router (HummingbirdTesting `.router` mode) on a fresh database.
func withAPI(
    extra: [String: String] = [:], _ body: @escaping @Sendable (Platform, any TestClientProtocol) async throws -> Void
) async throws {
    try await withTestPlatform(extra: extra) { platform in
        let router = try await APIApplication.router(platform)
        let app = Application(router: router)
        try await app.test(.router) { client in try await body(platform, client) }
    }
}

extension TestClientProtocol {
    /// Sends a JSON request with a bearer token and returns status and decoded JSON object.
    func call(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> (status: HTTPResponse.Status, body: [String: Any], headers: HTTPFields) {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        { response in
            let data = Data(response.body.readableBytesView)
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            return (response.status, object, response.headers)
        }
    }
}

extension Dictionary where Key == String, Value == Any {
    /// `error.code` of an error envelope.
    var errorCode: String? { (self["error"] as? [String: Any])?["code"] as? String }
    func object(_ key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
}
