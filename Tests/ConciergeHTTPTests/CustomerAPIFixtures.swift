import ConciergeCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Requests that set up customers, organizations, assets and tickets through the API.
enum CustomerAPIFixtures {
    /// Creates a customer from a JSON body and returns it (expects 201).
    static func customer(_ client: any TestClientProtocol, token: String, _ json: String) async throws -> [String: Any]
    {
        let response = try await client.call(.post, "/api/v1/customers", token: token, json: json)
        #expect(response.status == .created, "\(response.body)")
        return response.body.object("customer")
    }

    /// Creates an organization from a JSON body and returns it (expects 201).
    static func organization(_ client: any TestClientProtocol, token: String, _ json: String) async throws
        -> [String: Any]
    {
        let response = try await client.call(.post, "/api/v1/organizations", token: token, json: json)
        #expect(response.status == .created, "\(response.body)")
        return response.body.object("organization")
    }

    /// Creates an asset from a JSON body and returns it (expects 201).
    static func asset(_ client: any TestClientProtocol, token: String, _ json: String) async throws -> [String: Any] {
        let response = try await client.call(.post, "/api/v1/assets", token: token, json: json)
        #expect(response.status == .created, "\(response.body)")
        return response.body.object("asset")
    }

    /// Opens a ticket for the contact with `email` and returns it (expects 201).
    static func ticket(_ client: any TestClientProtocol, token: String, email: String, subject: String = "设备报修")
        async throws -> [String: Any]
    {
        let response = try await client.call(
            .post, "/api/v1/tickets", token: token,
            json: #"{"subject":"\#(subject)","description":"机器无法启动","requester":{"email":"\#(email)"}}"#)
        #expect(response.status == .created, "\(response.body)")
        return response.body.object("ticket")
    }

    /// The `name`s of a list response's items under `key`.
    static func values(_ body: [String: Any], _ key: String, _ field: String = "name") -> [String] {
        (body[key] as? [[String: Any]] ?? []).compactMap { $0[field] as? String }
    }
}

extension Dictionary where Key == String, Value == Any {
    /// `error.field` of an error envelope.
    var errorField: String? { (self["error"] as? [String: Any])?["field"] as? String }
    /// The string at `key`, or "" (for building paths).
    func string(_ key: String) -> String { self[key] as? String ?? "" }
}
