import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// An agent's own settings: name and language, and a password change that signs them out.
@Suite struct AgentSettingsTests {
    @Test func anAgentChangesTheirNameAndLanguageAndThePagesFollow() async throws {
        try await withAPI { platform, client in
            // given an agent reading Chinese (the tenant's language)
            let browser = try await AgentBrowser.signIn(platform, client)
            let settings = try await browser.get("/agent/settings")
            #expect(settings.status == .ok && settings.body.contains("个人设置"))
            #expect(settings.body.contains(#"<option value="zh-CN" selected>"#))
            #expect(settings.body.contains(#"href="/agent/settings" data-testid="my-settings""#))
            // when they choose English and a new name (an agent may change their own)
            let saved = try await browser.post("/agent/settings", ["name": "Zhang <Wei>", "locale": "en"])
            #expect(saved.status == .seeOther && saved.cookie("concierge_flash") == "settings_saved")
            // then the pages speak English and the name is escaped
            let list = try await browser.get("/agent/tickets")
            #expect(list.body.contains(#"<html lang="en">"#) && list.body.contains("Zhang &lt;Wei&gt;"))
            let user = try await platform.users.get(browser.user, tenant: browser.tenant)
            #expect(user.locale == .en && user.name == "Zhang <Wei>" && user.role == .agent)
            // an empty name or an unknown language changes nothing
            let refused = try await browser.post("/agent/settings", ["name": " ", "locale": "fr"])
            #expect(refused.cookie("concierge_flash") == "refused")
            #expect(try await platform.users.get(browser.user, tenant: browser.tenant).name == "Zhang <Wei>")
            // and without the CSRF token nothing is posted
            let forged = try await browser.post("/agent/settings", ["name": "Mallory"], withToken: false)
            #expect(forged.status == .forbidden)
        }
    }

    @Test func aPasswordChangeNeedsTheCurrentOneAndSignsEverySessionOut() async throws {
        try await withAPI { platform, client in
            let browser = try await AgentBrowser.signIn(platform, client)
            let path = "/agent/settings/password"
            let wrong = try await browser.post(
                path,
                [
                    "current_password": "guess", "new_password": "a new horse battery",
                    "confirm_password": "a new horse battery",
                ])
            #expect(wrong.cookie("concierge_flash") == "password_wrong")
            let mismatch = try await browser.post(
                path,
                [
                    "current_password": "correct horse battery", "new_password": "a new horse battery",
                    "confirm_password": "another horse battery",
                ])
            #expect(mismatch.cookie("concierge_flash") == "password_mismatch")
            let weak = try await browser.post(
                path, ["current_password": "correct horse battery", "new_password": "aaaa", "confirm_password": "aaaa"])
            #expect(weak.cookie("concierge_flash") == "password_too_weak")
            // the session still works after refusals
            #expect(try await browser.get("/agent/tickets").status == .ok)
            let changed = try await browser.post(
                path,
                [
                    "current_password": "correct horse battery", "new_password": "a new horse battery",
                    "confirm_password": "a new horse battery",
                ])
            #expect(changed.status == .seeOther && changed.headers[.location] == "/agent/login")
            #expect(changed.cookie("concierge_flash") == "password_changed")
            // the old session is gone, the old password refused, the new one accepted
            #expect(try await browser.get("/agent/tickets").status == .seeOther)
            let slug = browser.slug
            await #expect(throws: AppError.self) {
                _ = try await platform.authentication().login(
                    tenant: slug, email: "zhang@example.cn", password: "correct horse battery", clientAddress: "t")
            }
            let login = try await platform.authentication().login(
                tenant: slug, email: "zhang@example.cn", password: "a new horse battery", clientAddress: "t")
            #expect(login.user.id == browser.user)
        }
    }

    @Test func wrongCurrentPasswordsAreLimitedLikeSignIns() async throws {
        try await withAPI { platform, client in
            let browser = try await AgentBrowser.signIn(platform, client)
            var flashes: [String?] = []
            for _ in 0..<7 {
                let response = try await browser.post(
                    "/agent/settings/password",
                    [
                        "current_password": "guess", "new_password": "a new horse battery",
                        "confirm_password": "a new horse battery",
                    ])
                flashes.append(response.cookie("concierge_flash"))
            }
            #expect(flashes.first == "password_wrong" && flashes.last == "too_many_attempts")
            // even the right password waits now
            let right = try await browser.post(
                "/agent/settings/password",
                [
                    "current_password": "correct horse battery", "new_password": "a new horse battery",
                    "confirm_password": "a new horse battery",
                ])
            #expect(right.cookie("concierge_flash") == "too_many_attempts")
        }
    }
}
