import ConciergeCore
import ConciergeDomain
import ConciergeTenantConfig
import Foundation
import Testing

@Suite("TenantFolder.read: valid folders")
struct TenantFolderTests {
    static let minimalTenant = "slug: acme\n"

    @Test func demoFolderParsesIntoTheExpectedBlueprint() throws {
        // given
        let demo = repositoryRoot.appendingPathComponent("Tenants/demo")
        // when
        let blueprint = try TenantFolder.read(demo)
        // then
        #expect(blueprint.slug == (try TenantSlug("demo")))
        #expect(
            blueprint.settings
                == TenantSettingsChange(
                    name: "精密设备演示公司 (Demo Precision Equipment)", timeZone: "Asia/Shanghai", locale: .zhCN))
        #expect(
            blueprint.users == [
                .init(email: "admin@demo.concierge.local", name: "王经理 (Admin)", role: .owner, locale: nil),
                .init(email: "supervisor@demo.concierge.local", name: "李主管", role: .supervisor, locale: nil),
                .init(
                    email: "agent.zhang@demo.concierge.local", name: "张工程师", role: .agent, locale: nil,
                    skills: ["cnc-machines", "electrical"], regions: ["east"]),
                .init(
                    email: "agent.chen@demo.concierge.local", name: "Chen Jing", role: .agent, locale: .en,
                    skills: ["english", "software"], regions: ["east", "north"]),
                .init(email: "warehouse@demo.concierge.local", name: "仓库 刘", role: .lightAgent, locale: nil),
            ])
        #expect(
            blueprint.groups == [
                .init(
                    key: "after-sales", name: "售后服务组", description: "Repair requests from QR codes and the portal",
                    memberEmails: ["agent.zhang@demo.concierge.local", "agent.chen@demo.concierge.local"],
                    routing: GroupRouting(method: .leastLoaded, reroutePolicy: .reroute)),
                .init(
                    key: "east-station", name: "华东服务站", description: "Field engineers for Shanghai, Jiangsu, Zhejiang",
                    memberEmails: ["agent.zhang@demo.concierge.local"],
                    routing: GroupRouting(method: .skills, reroutePolicy: .unassign)),
                .init(
                    key: "warehouse", name: "备件仓库", description: "", memberEmails: ["warehouse@demo.concierge.local"]),
            ])
    }

    @Test func demoGroupMembersAreAllDemoUsers() throws {
        let blueprint = try TenantFolder.read(repositoryRoot.appendingPathComponent("Tenants/demo"))
        let emails = Set(blueprint.users.map(\.email))
        #expect(blueprint.groups.flatMap(\.memberEmails).allSatisfy(emails.contains))
    }

    @Test func folderWithOnlyASlugHasNoSettingsUsersOrGroups() throws {
        let blueprint = try readTenantFolder(["tenant.yaml": Self.minimalTenant])
        #expect(blueprint == TenantBlueprint(slug: try TenantSlug("acme"), settings: .init(), users: [], groups: []))
    }

    @Test(arguments: ["", "\n\n", "# no users yet\n", "users: []\n"])
    func emptyUsersFileMeansNoUsers(_ users: String) throws {
        let blueprint = try readTenantFolder(["tenant.yaml": Self.minimalTenant, "users.yaml": users])
        #expect(blueprint.users.isEmpty)
    }

    @Test(arguments: ["", "# no groups yet\n", "groups: []\n"])
    func emptyGroupsFileMeansNoGroups(_ groups: String) throws {
        let blueprint = try readTenantFolder(["tenant.yaml": Self.minimalTenant, "groups.yaml": groups])
        #expect(blueprint.groups.isEmpty)
    }

    @Test func userEmailIsNormalisedNameTrimmedAndRoleDefaultsToAgent() throws {
        // given
        let users = """
            users:
              - email: "  Agent.Wang@Example.COM "
                name: "  王芳  "
              - email: lead@example.com
                name: Lead
                role: light_agent
                locale: zh-CN
            """
        // when
        let blueprint = try readTenantFolder(["tenant.yaml": Self.minimalTenant, "users.yaml": users])
        // then
        #expect(
            blueprint.users == [
                .init(email: "agent.wang@example.com", name: "王芳", role: .agent, locale: nil),
                .init(email: "lead@example.com", name: "Lead", role: .lightAgent, locale: .zhCN),
            ])
    }

    @Test(arguments: Role.allCases)
    func everyRoleNameIsAccepted(_ role: Role) throws {
        let users = "users:\n  - email: a@example.com\n    name: A\n    role: \(role.rawValue)\n"
        let blueprint = try readTenantFolder(["tenant.yaml": Self.minimalTenant, "users.yaml": users])
        #expect(blueprint.users.map(\.role) == [role])
    }

    @Test func groupDescriptionAndMembersAreOptionalAndMembersNormalised() throws {
        // given
        let groups = """
            groups:
              - key: vip_desk
                name: VIP 服务台
              - key: night-shift
                name: Night shift
                description: After 22:00
                members:
                  - Night.Owl@Example.com
            """
        // when
        let blueprint = try readTenantFolder(["tenant.yaml": Self.minimalTenant, "groups.yaml": groups])
        // then
        #expect(
            blueprint.groups == [
                .init(key: "vip_desk", name: "VIP 服务台", description: "", memberEmails: []),
                .init(
                    key: "night-shift", name: "Night shift", description: "After 22:00",
                    memberEmails: ["night.owl@example.com"]),
            ])
    }

    @Test func tenantSettingsAreReadAndNameTrimmed() throws {
        let tenant = """
            slug: acme
            name: "  Acme 公司  "
            time_zone: Europe/London
            locale: en
            brand_color: "#0A7D55"
            """
        let blueprint = try readTenantFolder(["tenant.yaml": tenant])
        #expect(blueprint.slug.rawValue == "acme")
        #expect(
            blueprint.settings
                == TenantSettingsChange(name: "Acme 公司", timeZone: "Europe/London", locale: .en, brandColor: "#0a7d55"))
    }

    @Test func duplicateKeyInAMappingIsRefused() throws {
        // YAML requires unique keys; Yams 5.0.1 does not check, so TenantFolder does: a reviewer
        // reading `role: agent` must not miss a later `role: owner`.
        let users = """
            users:
              - email: a@example.com
                name: A
                role: agent
                role: owner
            """
        do {
            #expect(throws: TenantConfigError.self) {
                try readTenantFolder(["tenant.yaml": Self.minimalTenant, "users.yaml": users])
            }
        }
    }

    @Test(arguments: ["---\n", "users:\n", "users:\n#  - email: a@example.com\n#    name: A\n", "users: ~\n"])
    func usersFileWithoutEntriesMeansNoUsers(_ users: String) throws {
        // An explicit empty document, or `users:` whose entries were all commented out, holds no users.
        do {
            let blueprint = try readTenantFolder(["tenant.yaml": Self.minimalTenant, "users.yaml": users])
            #expect(blueprint.users.isEmpty)
        }
    }

    @Test func unknownKeyWithBlockValueIsReportedOnTheKeyLine() throws {
        // `usres:` is on line 1; its value starts on line 2. The error names the key's line.
        let fixture = try TenantFolderFixture([
            "tenant.yaml": Self.minimalTenant, "users.yaml": "usres:\n  - email: a@example.com\n    name: A\n",
        ])
        defer { fixture.remove() }
        let error = #expect(throws: TenantConfigError.self) { try TenantFolder.read(fixture.url) }
        #expect(error?.field == "usres")
        do {
            #expect(error?.line == 1)
        }
    }

    @Test(arguments: ["~", "null", "Null", "NULL"])
    func yamlNullIsNotAcceptedAsAName(_ null: String) throws {
        // `name: ~` is YAML null, not a user named "~".
        let users = "users:\n  - email: a@example.com\n    name: \(null)\n"
        do {
            #expect(throws: TenantConfigError.self) {
                try readTenantFolder(["tenant.yaml": Self.minimalTenant, "users.yaml": users])
            }
        }
    }

    @Test func quotedNullIsAnOrdinaryName() throws {
        let users = "users:\n  - email: a@example.com\n    name: \"null\"\n"
        let blueprint = try readTenantFolder(["tenant.yaml": Self.minimalTenant, "users.yaml": users])
        #expect(blueprint.users.map(\.name) == ["null"])
    }

    @Test func slugMustMatchTheFolderName() throws {
        let fixture = try TenantFolderFixture(["tenant.yaml": "slug: other\n"])
        defer { fixture.remove() }
        let error = #expect(throws: TenantConfigError.self) { try TenantFolder.read(fixture.url) }
        #expect(error?.field == "slug")
        #expect(error?.message.contains("folder is named 'acme'") == true)
    }
}
