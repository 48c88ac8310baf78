import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The console's users and roles: invite, change, deactivate and reactivate, set a password,
/// with the use case's rules (grants, seats, the last owner, not oneself) shown on the page.
@Suite struct AdminUserPageTests {
    @Test func agentsMayNotOpenOrPostToUsersAndGroups() async throws {
        try await withAPI { platform, client in
            let agent = try await AgentBrowser.signIn(platform, client)
            for path in ["/admin/users", "/admin/users/\(agent.user)", "/admin/groups"] {
                #expect(try await agent.get(path).status == .forbidden, "\(path)")
            }
            let posts = [
                "/admin/users", "/admin/users/\(agent.user)", "/admin/users/\(agent.user)/password", "/admin/groups",
            ]
            for path in posts {
                let refused = try await agent.post(path, ["name": "x", "email": "x@example.cn", "role": "admin"])
                #expect(refused.status == .forbidden, "\(path)")
            }
            #expect(try await platform.users.list(tenant: agent.tenant, after: nil, limit: 10).count == 1)
        }
    }

    @Test func anInvitationWithoutTheCSRFTokenIsRefused() async throws {
        try await withAPI { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client)
            let refused = try await admin.post(
                "/admin/users", ["name": "李四", "email": "li@example.cn", "role": "agent"], withToken: false)
            #expect(refused.status == .forbidden)
            let users = try await admin.api(.get, "/api/v1/users").body["users"] as? [[String: Any]]
            #expect(users?.count == 1)
        }
    }

    @Test func refusedInvitationsShowTheUseCasesErrorsByTheirFields() async throws {
        try await withAPI { platform, client in
            // given an admin reading English
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            // a bad email is refused next to the email field, with what was typed kept
            let bad = try await admin.post(
                "/admin/users", ["name": "Li Si", "email": "li at example", "role": "agent", "locale": ""])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text("error-email") == "Enter a valid email address.")
            #expect(bad.body.contains(#"value="li at example""#))
            // a short password next to the password field
            let short = try await admin.post(
                "/admin/users", ["name": "Li Si", "email": "li@example.cn", "role": "agent", "password": "short"])
            #expect(short.text("error-password") == "Use at least 10 characters.")
            // a taken email is a conflict, shown by the email field too
            let taken = try await admin.post(
                "/admin/users", ["name": "Again", "email": "zhang@example.cn", "role": "agent"])
            #expect(taken.status == .conflict)
            #expect(taken.text("error-email") == "Someone in your company already has this email.")
            // an admin is not offered the owner role, and granting it is refused on the form
            #expect(bad.body.contains(#"<option value="owner""#) == false)
            let owner = try await admin.post(
                "/admin/users", ["name": "Boss", "email": "boss@example.cn", "role": "owner"])
            #expect(owner.status == .forbidden)
            #expect(owner.text("form-error") == "Your role may not do this.")
            // and nobody was created
            let users = try await admin.api(.get, "/api/v1/users").body["users"] as? [[String: Any]]
            #expect(users?.count == 1)
        }
    }

    @Test func aPersonIsInvitedChangedDeactivatedReactivatedAndGivenAPassword() async throws {
        try await withAPI { platform, client in
            // given an admin
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            // when they invite someone without a password
            let invited = try await admin.post(
                "/admin/users", ["name": "Li Si <i>", "email": "Li@Example.cn", "role": "agent", "locale": "en"])
            // then the person is invited, and the page shows them
            #expect(invited.status == .seeOther)
            #expect(invited.flash == "admin_invited")
            let path = try #require(invited.location)
            let id = String(path.dropFirst("/admin/users/".count))
            var user = try await admin.api(.get, "/api/v1/users/\(id)").body.object("user")
            #expect(user["status"] as? String == "invited")
            #expect(user["email"] as? String == "li@example.cn")
            let page = try await admin.get(path)
            #expect(page.text("user-heading") == "Li Si &lt;i&gt;")
            #expect(page.text("user-status") == "Invited")
            let list = try await admin.get("/admin/users")
            #expect(list.body.contains("Li Si &lt;i&gt;"))
            #expect(list.body.contains("never"))
            // when they change name, role and skills
            let changed = try await admin.post(
                path,
                ["name": "李四", "role": "supervisor", "locale": "en", "skills": "printers, English", "regions": ""]
            )
            #expect(changed.flash == "admin_saved")
            user = try await admin.api(.get, "/api/v1/users/\(id)").body.object("user")
            #expect(user["name"] as? String == "李四")
            #expect(user["role"] as? String == "supervisor")
            #expect(user["skills"] as? [String] == ["english", "printers"])
            // a bad skill is shown by its field
            let badSkill = try await admin.post(path, ["name": "李四", "role": "agent", "skills": "a b c!"])
            #expect(badSkill.status == .unprocessableContent)
            #expect(badSkill.text("error-skills") == "skills[2]: Use 1–64 lowercase letters, digits, - or _.")
            // when they set a password, too short and then good
            let short = try await admin.post("\(path)/password", ["password": "abc"])
            #expect(short.text("error-password") == "Use at least 10 characters.")
            let set = try await admin.post("\(path)/password", ["password": "a much better passphrase"])
            #expect(set.flash == "admin_password_set")
            #expect(
                try await admin.api(.get, "/api/v1/users/\(id)").body.object("user")["status"] as? String == "active")
            // when they deactivate and reactivate the person
            #expect(try await admin.post("\(path)/deactivate", [:]).flash == "admin_deactivated")
            #expect(
                try await admin.api(.get, "/api/v1/users/\(id)").body.object("user")["status"] as? String
                    == "deactivated")
            #expect(try await admin.get(path).has("user-reactivate"))
            #expect(try await admin.post("\(path)/reactivate", [:]).flash == "admin_reactivated")
            #expect(
                try await admin.api(.get, "/api/v1/users/\(id)").body.object("user")["status"] as? String == "active")
        }
    }

    @Test func nobodyDeactivatesThemselvesAndAdminsDoNotManageOwners() async throws {
        try await withAPI { platform, client in
            // given an admin and an owner of the same tenant
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .zhCN)
            let owner = try await platform.users.create(
                .init(email: "owner@example.cn", name: "老板", role: .owner, password: "owner password 1"),
                grantedBy: .owner, actor: .system("t"), tenant: admin.tenant)
            // their own page offers no deactivation, and posting it anyway is refused
            let own = try await admin.get("/admin/users/\(admin.user)")
            #expect(own.has("user-deactivate") == false)
            let selfRefused = try await admin.post("/admin/users/\(admin.user)/deactivate", [:])
            #expect(selfRefused.status == .conflict)
            #expect(selfRefused.text("form-error") == "您不能停用自己，须由其他管理员操作。")
            #expect(try await admin.api(.get, "/api/v1/me").status == .ok)
            // the owner's page has no forms for an admin, and a forged post is refused
            let ownerPage = try await admin.get("/admin/users/\(owner.id)")
            #expect(ownerPage.has("user-edit-form") == false)
            #expect(ownerPage.body.contains("只有所有者可以修改此用户。"))
            let refused = try await admin.post("/admin/users/\(owner.id)/deactivate", [:])
            #expect(refused.status == .forbidden)
            #expect(try await platform.users.get(owner.id, tenant: admin.tenant).status == .active)
        }
    }
}
