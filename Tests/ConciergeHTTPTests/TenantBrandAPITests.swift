import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The tenant's brand through the JSON API: the colour on `PATCH /tenant`, the logo as raw bytes.
@Suite struct TenantBrandAPITests {
    @Test func theBrandColourIsCheckedStoredInLowercaseAndCleared() async throws {
        try await withAPI { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // a colour that is not hex is refused, naming the field
            let refused = try await client.call(.patch, "/api/v1/tenant", token: token, json: #"{"brand_color":"red"}"#)
            #expect(refused.status == .badRequest)
            #expect(refused.body.errorCode == "invalid_color")
            #expect(refused.body.object("error")["field"] as? String == "brand_color")
            // a short form is stored as #rrggbb
            let set = try await client.call(.patch, "/api/v1/tenant", token: token, json: ##"{"brand_color":"#0AF"}"##)
            #expect(set.body.object("tenant")["brand_color"] as? String == "#00aaff")
            // leaving it out keeps it, null clears it
            let kept = try await client.call(.patch, "/api/v1/tenant", token: token, json: #"{"locale":"en"}"#)
            #expect(kept.body.object("tenant")["brand_color"] as? String == "#00aaff")
            let cleared = try await client.call(.patch, "/api/v1/tenant", token: token, json: #"{"brand_color":null}"#)
            #expect(cleared.body.object("tenant")["brand_color"] == nil)
        }
    }

    @Test func aLogoIsUploadedAsRawBytesDownloadedAndRemoved() async throws {
        try await withAPI { platform, client in
            let provisioned = try await platform.makeTenant()
            let token = provisioned.adminToken.secret
            let agent = try await platform.tokens.issue(
                name: "agent", role: .agent, grantedBy: .owner, actor: .system("t"), tenant: provisioned.tenant.id)
            func put(_ bytes: [UInt8], type: String, token: String) async throws -> HTTPResponse.Status {
                try await client.execute(
                    uri: "/api/v1/tenant/logo", method: .put,
                    headers: [.authorization: "Bearer \(token)", .contentType: type], body: ByteBuffer(bytes: bytes)
                ) { $0.status }
            }
            // an agent may not set it; an SVG or a mislabelled file is refused
            #expect(try await put(onePixelPNG, type: "image/png", token: agent.secret) == .forbidden)
            #expect(try await put(Array("<svg/>".utf8), type: "image/svg+xml", token: token) == .badRequest)
            #expect(try await put(Array("GIF89a".utf8), type: "image/png", token: token) == .badRequest)
            #expect(try await client.call(.get, "/api/v1/tenant/logo", token: token).status == .notFound)
            // a PNG is stored and served back as it was
            #expect(try await put(onePixelPNG, type: "image/png", token: token) == .ok)
            let tenant = try await client.call(.get, "/api/v1/tenant", token: token).body.object("tenant")
            let url = try #require(tenant["logo_url"] as? String)
            #expect(url.hasPrefix("/api/v1/tenant/logo?v="))
            let bytes = try await client.execute(
                uri: url, method: .get, headers: [.authorization: "Bearer \(agent.secret)"]
            ) { ($0.status, Array($0.body.readableBytesView), $0.headers) }
            #expect(bytes.0 == .ok)
            #expect(bytes.1 == onePixelPNG)
            #expect(bytes.2[.contentType] == "image/png")
            #expect(bytes.2[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            // and removed
            #expect(try await client.call(.delete, "/api/v1/tenant/logo", token: token).status == .noContent)
            #expect(
                try await client.call(.get, "/api/v1/tenant", token: token).body.object("tenant")["logo_url"] == nil)
        }
    }
}
