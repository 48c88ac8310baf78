import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The error envelope and its statuses, one per category.
@Suite struct APIErrorTests {
    @Test func missingOrBadCredentialsAnswer401() async throws {
        try await withAPI { platform, client in
            let a = try await platform.makeTenant()
            let none = try await client.call(.get, "/api/v1/me")
            #expect(none.status == .unauthorized && none.body.errorCode == "unauthenticated")
            let bad = try await client.call(.get, "/api/v1/me", token: "cnc_not-a-real-token")
            #expect(bad.status == .unauthorized)
            try await platform.tokens.revoke(a.adminToken.token.id, actor: .system("t"), tenant: a.tenant.id)
            let revoked = try await client.call(.get, "/api/v1/me", token: a.adminToken.secret)
            #expect(revoked.status == .unauthorized)
            #expect(none.headers[.init("X-Request-Id")!] != nil)
        }
    }

    @Test func roleWithoutPermissionAnswers403() async throws {
        try await withAPI { platform, client in
            let a = try await platform.makeTenant()
            let agent = try await platform.tokens.issue(
                name: "agent", role: .agent, grantedBy: .admin, actor: .system("t"), tenant: a.tenant.id)
            let light = try await platform.tokens.issue(
                name: "light", role: .lightAgent, grantedBy: .admin, actor: .system("t"), tenant: a.tenant.id)
            let cases: [(String, HTTPRequest.Method, String, String?)] = [
                (agent.secret, .post, "/api/v1/users", #"{"email":"x@example.com","name":"X","role":"agent"}"#),
                (agent.secret, .post, "/api/v1/groups", #"{"key":"k","name":"K"}"#),
                (agent.secret, .get, "/api/v1/api-tokens", nil),
                (agent.secret, .get, "/api/v1/audit-events", nil),
                (agent.secret, .patch, "/api/v1/tenant", #"{"name":"Mine"}"#),
                (light.secret, .get, "/api/v1/users", nil),
            ]
            for (token, method, path, body) in cases {
                let response = try await client.call(method, path, token: token, json: body)
                #expect(response.status == .forbidden, "\(method) \(path)")
                #expect(response.body.errorCode == "forbidden")
            }
            // an admin cannot mint an owner token
            let owner = try await client.call(
                .post, "/api/v1/api-tokens", token: a.adminToken.secret, json: #"{"name":"o","role":"owner"}"#)
            #expect(owner.status == .forbidden)
        }
    }

    @Test func malformedAndInvalidBodiesAnswer400NamingTheField() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let cases: [(String, String, String?)] = [
                (#"{"email": "#, "malformed_json", nil),
                (#"{"name":"X","role":"agent"}"#, "missing_field", "email"),
                (#"{"email":"x@example.com","name":"X","role":"wizard"}"#, "invalid_field", "role"),
                (#"{"email":"not-an-email","name":"X","role":"agent"}"#, "invalid_email", "email"),
                (#"{"email":"x@example.com","name":"   ","role":"agent"}"#, "required", "name"),
                (
                    #"{"email":"x@example.com","name":"X","role":"agent","password":"short"}"#, "password_too_short",
                    "password"
                ),
            ]
            for (body, code, field) in cases {
                let response = try await client.call(.post, "/api/v1/users", token: token, json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.body.errorCode == code, "\(body)")
                #expect((response.body.object("error")["field"] as? String) == field, "\(body)")
            }
            let zone = try await client.call(
                .patch, "/api/v1/tenant", token: token, json: #"{"time_zone":"Mars/Olympus"}"#)
            #expect(zone.status == .badRequest && zone.body.errorCode == "invalid_time_zone")
        }
    }

    @Test func duplicatesAnswer409() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let body = #"{"email":"dup@example.com","name":"Dup","role":"agent"}"#
            #expect(try await client.call(.post, "/api/v1/users", token: token, json: body).status == .created)
            let second = try await client.call(.post, "/api/v1/users", token: token, json: body)
            #expect(second.status == .conflict && second.body.errorCode == "email_taken")
            #expect(
                try await client.call(.post, "/api/v1/groups", token: token, json: #"{"key":"k","name":"K"}"#).status
                    == .created)
            let group = try await client.call(.post, "/api/v1/groups", token: token, json: #"{"key":"k","name":"K"}"#)
            #expect(group.status == .conflict && group.body.errorCode == "key_taken")
        }
    }

    @Test func seatLimitAnswers409() async throws {
        try await withAPI { platform, client in
            let tenant = try await platform.makeTenant(seats: 1)
            let token = tenant.adminToken.secret
            #expect(
                try await client.call(
                    .post, "/api/v1/users", token: token, json: #"{"email":"a@example.com","name":"A","role":"agent"}"#
                ).status == .created)
            let over = try await client.call(
                .post, "/api/v1/users", token: token, json: #"{"email":"b@example.com","name":"B","role":"agent"}"#)
            #expect(over.status == .conflict && over.body.errorCode == "seat_limit_reached")
            let light = try await client.call(
                .post, "/api/v1/users", token: token,
                json: #"{"email":"c@example.com","name":"C","role":"light_agent"}"#)
            #expect(light.status == .created)
        }
    }

    @Test func oversizedBodyAnswers413() async throws {
        try await withAPI(extra: ["CONCIERGE_MAX_BODY_BYTES": "2048"]) { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            let huge = #"{"key":"k","name":"\#(String(repeating: "x", count: 5000))"}"#
            let response = try await client.call(.post, "/api/v1/groups", token: token, json: huge)
            #expect(response.status == .contentTooLarge && response.body.errorCode == "payload_too_large")
        }
    }

    @Test func exceedingTheRequestRateAnswers429WithRetryAfter() async throws {
        try await withAPI(extra: ["CONCIERGE_API_REQUESTS_PER_MINUTE": "3"]) { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            for _ in 0..<3 { #expect(try await client.call(.get, "/api/v1/me", token: token).status == .ok) }
            let limited = try await client.call(.get, "/api/v1/me", token: token)
            #expect(limited.status == .tooManyRequests && limited.body.errorCode == "rate_limited")
            #expect(limited.headers[.retryAfter] != nil)
        }
    }

    @Test func unknownRouteAnswers404Envelope() async throws {
        try await withAPI { _, client in
            let response = try await client.call(.get, "/api/v1/nowhere")
            #expect(response.status == .notFound && response.body.errorCode == "not_found")
        }
    }
}
