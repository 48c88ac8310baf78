import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route of the admin console, taken from the router itself so that a new one cannot be
/// missed: an agent gets the 403 page for each, and each post needs the session's CSRF token.
@Suite struct AdminConsoleAccessTests {
    /// The console's routes as (method, path with its parameters filled in).
    static func consoleRoutes(_ platform: Platform) async throws -> [(HTTPRequest.Method, String)] {
        let router = try await APIApplication.router(platform)
        return router.routes.compactMap { route in
            let path =
                "/"
                + route.path.description.split(separator: "/").map { part in
                    part.hasPrefix(":") ? UUID().uuidString.lowercased() : String(part)
                }.joined(separator: "/")
            return AdminPathsForTests.isConsole(path) ? (route.method, path) : nil
        }
    }

    @Test func anAgentGetsTheForbiddenPageOnEveryConsoleRoute() async throws {
        try await withAPI { platform, client in
            let routes = try await Self.consoleRoutes(platform)
            #expect(routes.count > 40)
            let agent = try await AgentBrowser.signIn(platform, client, locale: .en)
            for (method, path) in routes {
                let page = method == .get ? try await agent.get(path) : try await agent.post(path, [:])
                #expect(page.status == .forbidden, "\(method) \(path)")
                #expect(page.body.contains("<main class=\"error-page\">"), "\(method) \(path)")
            }
        }
    }

    @Test func everyConsolePostNeedsTheSessionsCSRFToken() async throws {
        try await withAPI { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client)
            for (method, path) in try await Self.consoleRoutes(platform) where method == .post {
                let refused = try await admin.post(path, ["name": "x"], withToken: false)
                #expect(refused.status == .forbidden, "\(path)")
                #expect(refused.headers[.contentSecurityPolicy] == AgentWorkspacePageTests.policy, "\(path)")
            }
        }
    }
}

/// Which paths belong to the console.
enum AdminPathsForTests {
    static func isConsole(_ path: String) -> Bool { path == "/admin" || path.hasPrefix("/admin/") }
}
