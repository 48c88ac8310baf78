import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The console's groups: create, rename, add and remove members.
@Suite struct AdminGroupPageTests {
    @Test func aGroupIsCreatedRenamedAndGainsAndLosesAMember() async throws {
        try await withAPI { platform, client in
            // given an admin and a colleague
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            let colleague = try await platform.users.create(
                .init(email: "wang@example.cn", name: "王五", role: .agent), grantedBy: .owner, actor: .system("t"),
                tenant: admin.tenant)
            // a bad key is refused by its field
            let bad = try await admin.post("/admin/groups", ["key": "After Sales", "name": "售后", "description": ""])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text("error-key") == "Use 1–64 lowercase letters, digits, - or _.")
            #expect(bad.body.contains(#"value="After Sales""#))
            // when the group is created
            let created = try await admin.post(
                "/admin/groups", ["key": "after-sales", "name": "售后", "description": "上门维修"])
            #expect(created.status == .seeOther)
            #expect(created.flash == "admin_created")
            let path = try #require(created.location)
            let id = String(path.dropFirst("/admin/groups/".count))
            // then the API has it, and a second one with the key is refused by the key field
            #expect(
                try await admin.api(.get, "/api/v1/groups/\(id)").body.object("group")["key"] as? String
                    == "after-sales")
            let taken = try await admin.post("/admin/groups", ["key": "after-sales", "name": "Again"])
            #expect(taken.status == .conflict)
            #expect(taken.text("error-key") == "This key is already used.")
            // when it is renamed, and an empty name is refused
            #expect(
                try await admin.post(path, ["name": "", "description": "x"]).text("error-name") == "This is required.")
            #expect(try await admin.post(path, ["name": "售后服务", "description": "上门"]).flash == "admin_saved")
            #expect(try await admin.api(.get, "/api/v1/groups/\(id)").body.object("group")["name"] as? String == "售后服务")
            // when the colleague is added
            let page = try await admin.get(path)
            #expect(page.body.contains(#"<option value="\#(colleague.id)">王五 &lt;wang@example.cn&gt;</option>"#))
            let added = try await admin.post("\(path)/members", ["user_id": colleague.id.description])
            #expect(added.flash == "admin_member_added")
            // then the API, the user's page and the list name the membership
            var members = try await admin.api(.get, "/api/v1/groups/\(id)").body.object("group")["member_ids"]
            #expect(members as? [String] == [colleague.id.description])
            #expect(try await admin.get("/admin/users/\(colleague.id)").body.contains(">售后服务</a>"))
            #expect(try await admin.get("/admin/users").body.contains("<td data-label=\"Groups\">售后服务</td>"))
            // when the member is removed without the CSRF token, nothing happens; with it, they go
            let forged = try await admin.post(
                "\(path)/members/remove", ["user_id": colleague.id.description], withToken: false)
            #expect(forged.status == .forbidden)
            #expect(
                try await admin.post("\(path)/members/remove", ["user_id": colleague.id.description]).flash
                    == "admin_member_removed")
            members = try await admin.api(.get, "/api/v1/groups/\(id)").body.object("group")["member_ids"]
            #expect((members as? [String])?.isEmpty == true)
        }
    }
}
