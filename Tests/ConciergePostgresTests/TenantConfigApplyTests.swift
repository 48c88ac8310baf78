import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTenantConfig
import ConciergeTestSupport
import Foundation
import Testing

@Suite struct TenantConfigApplyTests {
    @Test func applyingTheDemoFolderTwiceChangesNothingTheSecondTime() async throws {
        try await withTestPlatform { platform in
            // given the demo folder under a fresh slug-matching copy
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let blueprint = try TenantFolder.read(root.appendingPathComponent("Tenants/demo"))
            // when it is applied twice
            let first = try await platform.configApplier.apply(blueprint, createMissing: true)
            let second = try await platform.configApplier.apply(blueprint, createMissing: true)
            // then everything is created once
            #expect(first.changes.contains("+ field serial_number created"))
            #expect(first.changes.contains("+ macro dispatch-engineer created"))
            #expect(first.changes.contains("+ view unassigned created"))
            #expect(second.changes.isEmpty, "\(second.changes)")
            let tenant = first.tenant.id
            #expect(try await platform.fields.fields(tenant: tenant).count == 5)
            #expect(try await platform.macros.list(tenant: tenant).count == 2)
            #expect(first.changes.contains("+ calendar default created"))
            #expect(first.changes.contains("+ SLA policy vip created"))
            #expect(first.changes.contains("+ trigger escalate-first-reply-breach created"))
            #expect(first.changes.contains("+ automation stale-new created"))
            #expect(first.changes.contains("+ connector support-mail created"))
            #expect(first.changes.contains("~ group after-sales routing least_loaded, offline: reroute"))
            // rules' group keys and user emails became ids
            let triggers = try await platform.rules.triggers(tenant: tenant)
            let routing = try #require(triggers.first { $0.key == "route-returns" })
            #expect(routing.actions.first?.value?.stringValue.flatMap(GroupID.init) != nil)
            // and a repair ticket follows the repair form
            let ticket = try await platform.tickets.create(
                NewTicket(
                    subject: "机器异响", description: "扫码报修",
                    requester: .contact(email: "c@example.cn", phone: nil, name: "陈"),
                    type: .incident, channel: .qr,
                    customFields: ["serial_number": .string("SN-000123"), "region": .string("east")]),
                actor: .system("test"), tenant: tenant)
            #expect(ticket.formKey == "repair")
            await #expect(throws: AppError.self) {
                _ = try await platform.tickets.update(
                    .id(ticket.id), TicketChange(status: .solved), expectedVersion: nil, actor: .system("t"),
                    tenant: tenant)
            }
        }
    }
}
