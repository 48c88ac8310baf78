import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The admin console's frame and its tenant settings page: who may open it, the CSRF check,
/// errors next to their field, and changes the API and the workspace then show.
@Suite struct AdminSettingsPageTests {
    @Test func theConsoleIsForAdminsAndAgentsGetTheForbiddenPage() async throws {
        try await withAPI { platform, client in
            // given an agent
            let agent = try await AgentBrowser.signIn(platform, client)
            // when they open the console, its settings, or post to it
            for path in ["/admin", "/admin/settings"] {
                let page = try await agent.get(path)
                // then they get the 403 page, as HTML
                #expect(page.status == .forbidden, "\(path)")
                #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                #expect(page.body.contains("<main class=\"error-page\">"))
            }
            let post = try await agent.post("/admin/settings", ["name": "Taken over"])
            #expect(post.status == .forbidden)
            let tenant = try await agent.api(.get, "/api/v1/tenant").body.object("tenant")
            #expect((tenant["name"] as? String)?.hasPrefix("Tenant ") == true)
            // and the workspace offers them no link to it
            #expect(try await agent.get("/agent/tickets").has("nav-admin") == false)
        }
    }

    @Test func anAdminSeesEverySectionAndTheWayBack() async throws {
        try await withAPI { platform, client in
            // given an admin
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            // when they follow the workspace's link to the console
            let list = try await admin.get("/agent/tickets")
            #expect(list.link("nav-admin") == "/admin")
            let home = try await admin.get("/admin")
            // then every section is a card, and the console links back to the workspace
            #expect(home.status == .ok)
            for section in AdminSectionNames.all {
                #expect(home.has("admin-card-\(section)"), "\(section)")
                #expect(home.has("admin-nav-\(section)"), "\(section)")
            }
            #expect(home.link("admin-back") == "/agent/tickets")
            #expect(home.body.contains("Company settings"))
            #expect(home.headers[.contentSecurityPolicy] == AgentWorkspacePageTests.policy)
        }
    }

    @Test func signedOutVisitorsComeBackToTheConsolePageAfterSigningIn() async throws {
        try await withAPI { _, client in
            let page = try await client.page(.get, "/admin/settings")
            #expect(page.status == .seeOther)
            #expect(page.location == "/agent/login?next=%2Fadmin%2Fsettings")
        }
    }

    @Test func aSettingsPostWithoutTheCSRFTokenIsRefused() async throws {
        try await withAPI { platform, client in
            // given an admin
            let admin = try await AgentBrowser.signInAdmin(platform, client)
            // when the settings form is posted without the session's token
            let refused = try await admin.post("/admin/settings", ["name": "Forged"], withToken: false)
            // then nothing changes
            #expect(refused.status == .forbidden)
            #expect(try await admin.api(.get, "/api/v1/tenant").body.object("tenant")["name"] as? String != "Forged")
        }
    }

    @Test func anInvalidColourIsShownNextToItsFieldInTheAdminsLanguageAndNothingIsSaved() async throws {
        try await withAPI { platform, client in
            // given an admin reading Chinese
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .zhCN)
            // when the form sends a colour that is not hex, with a new name
            let page = try await admin.post(
                "/admin/settings",
                ["name": "新名称", "time_zone": "Asia/Shanghai", "locale": "zh-CN", "brand_color": "blue"])
            // then the form comes back with what was sent and the use case's error by the field
            #expect(page.status == .unprocessableContent)
            #expect(page.text("error-brand_color") == "请输入十六进制颜色，例如 #0a7d55。")
            #expect(page.body.contains(#"value="blue""#))
            #expect(page.body.contains(#"value="新名称""#))
            // and nothing was saved
            let tenant = try await admin.api(.get, "/api/v1/tenant").body.object("tenant")
            #expect((tenant["name"] as? String)?.hasPrefix("Tenant ") == true)
            // and an unknown zone is refused the same way
            let zone = try await admin.post(
                "/admin/settings", ["name": "X", "time_zone": "Mars/Base", "locale": "en"])
            #expect(zone.status == .unprocessableContent)
            #expect(zone.has("error-time_zone"))
            #expect(zone.body.contains(#"<option value="Mars/Base" selected>"#))
        }
    }

    @Test func savedSettingsAreWhatTheAPIReturnsAndTheWorkspaceWearsTheColour() async throws {
        try await withAPI { platform, client in
            // given an admin
            let admin = try await AgentBrowser.signInAdmin(platform, client)
            // when they save a name, zone, language and colour
            let saved = try await admin.post(
                "/admin/settings",
                ["name": "精密设备 <b>", "time_zone": "Europe/London", "locale": "en", "brand_color": "#0A7D55"])
            // then they are sent back with a flash
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/admin/settings")
            #expect(saved.flash == "admin_saved")
            let page = try await admin.get("/admin/settings")
            #expect(page.body.contains("<option value=\"Europe/London\" selected>"))
            #expect(page.body.contains("精密设备 &lt;b&gt;"))
            // and the API returns the new values
            let tenant = try await admin.api(.get, "/api/v1/tenant").body.object("tenant")
            #expect(tenant["name"] as? String == "精密设备 <b>")
            #expect(tenant["time_zone"] as? String == "Europe/London")
            #expect(tenant["locale"] as? String == "en")
            #expect(tenant["brand_color"] as? String == "#0a7d55")
            // and the workspace links a style sheet with the colour, cached while it lasts
            let list = try await admin.get("/agent/tickets")
            #expect(list.has("brand-stylesheet"))
            #expect(list.text("brand-tenant") == "精密设备 &lt;b&gt;")
            let css = try await admin.get("/agent/brand/theme.css?v=0a7d55")
            #expect(css.body.contains("--brand: #0a7d55;"))
            #expect(css.body.contains("--brand-ink: #ffffff;"))
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.headers[.cacheControl] == "private, max-age=31536000, immutable")
            // and an empty colour goes back to the product's colours
            _ = try await admin.post(
                "/admin/settings", ["name": "精密设备", "time_zone": "Europe/London", "locale": "en", "brand_color": ""])
            #expect(try await admin.get("/agent/tickets").has("brand-stylesheet") == false)
        }
    }

    @Test func aLogoIsUploadedShownInTheHeaderAndRemoved() async throws {
        try await withAPI { platform, client in
            // given an admin
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            // when they upload a text file as the logo
            let refused = try await admin.postMultipart(
                "/admin/settings/logo", file: ("logo", "logo.png", "text/plain", Array("hello".utf8)))
            // then the form says which images are accepted
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text("error-logo") == "Only PNG, JPEG, GIF or WebP images are accepted.")
            // when they upload a PNG
            let saved = try await admin.postMultipart(
                "/admin/settings/logo", file: ("logo", "logo.png", "image/png", onePixelPNG))
            #expect(saved.status == .seeOther)
            #expect(saved.flash == "admin_logo_saved")
            // then the API names it and the header shows it
            let described = try await admin.api(.get, "/api/v1/tenant").body.object("tenant")
            let url = try #require(described["logo_url"] as? String)
            let logo = try await admin.get(url)
            #expect(logo.headers[.contentType] == "image/png")
            let header = try await admin.get("/agent/tickets")
            let shown = try #require(header.body.range(of: #"<img class="brand__logo" src=""#))
            let path = String(header.body[shown.upperBound...].prefix { $0 != "\"" })
            #expect(path.hasPrefix("/agent/brand/logo?v="))
            let image = try await admin.get(path)
            #expect(image.status == .ok)
            #expect(image.headers[.contentType] == "image/png")
            #expect(image.headers[.cacheControl] == "private, max-age=31536000, immutable")
            // when they remove it
            let removed = try await admin.post("/admin/settings/logo/remove", [:])
            #expect(removed.flash == "admin_logo_removed")
            // then it is gone everywhere
            let after = try await admin.api(.get, "/api/v1/tenant").body.object("tenant")
            #expect(after["logo_url"] == nil)
            #expect(try await admin.get("/agent/tickets").has("brand-logo") == false)
            #expect(try await admin.get("/agent/brand/logo").status == .notFound)
        }
    }
}

/// The console's section keys, as the page marks them.
enum AdminSectionNames {
    static let all = ["settings", "users", "groups", "tokens", "connectors", "fields", "forms", "sla", "rules"]
}
