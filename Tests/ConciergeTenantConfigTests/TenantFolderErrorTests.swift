import ConciergeCore
import ConciergeTenantConfig
import Foundation
import Testing

/// A folder that must be refused, and the located error it must produce.
struct BrokenFolder: Sendable, CustomTestStringConvertible {
    var name: String
    var files: [String: String]
    /// The file the error names, inside the folder.
    var file: String
    var line: Int?
    var field: String
    var message: String
    /// Compare only the start of the message (YAML parser wording).
    var messageIsPrefix = false

    var testDescription: String { name }
}

@Suite("TenantFolder.read: located errors")
struct TenantFolderErrorTests {
    static let tenant = "slug: acme\n"
    static let roles = "owner, admin, supervisor, agent, light_agent"

    static let brokenFolders: [BrokenFolder] = [
        // tenant.yaml
        BrokenFolder(
            name: "missing tenant.yaml", files: ["users.yaml": "users: []\n"], file: "tenant.yaml", line: nil,
            field: "",
            message: "is missing"),
        BrokenFolder(
            name: "empty tenant.yaml", files: ["tenant.yaml": ""], file: "tenant.yaml", line: nil, field: "",
            message: "is empty"),
        BrokenFolder(
            name: "comment-only tenant.yaml", files: ["tenant.yaml": "# nothing here\n"], file: "tenant.yaml",
            line: nil,
            field: "", message: "is empty"),
        BrokenFolder(
            name: "bad time zone", files: ["tenant.yaml": "# Acme\nslug: acme\nname: Acme\ntime_zone: Mars/Base\n"],
            file: "tenant.yaml", line: 4, field: "time_zone", message: "is not an IANA time zone such as Asia/Shanghai"),
        BrokenFolder(
            name: "empty time zone", files: ["tenant.yaml": "slug: acme\ntime_zone: \"\"\n"], file: "tenant.yaml",
            line: 2, field: "time_zone", message: "is not an IANA time zone such as Asia/Shanghai"),
        BrokenFolder(
            name: "missing slug", files: ["tenant.yaml": "name: Acme\ntime_zone: Asia/Shanghai\n"], file: "tenant.yaml",
            line: 1, field: "slug", message: "is required"),
        BrokenFolder(
            name: "invalid slug", files: ["tenant.yaml": "# x\nslug: Acme\n"], file: "tenant.yaml", line: 2,
            field: "slug",
            message: "must be 2-40 lowercase letters, digits or single hyphens, starting with a letter"),
        BrokenFolder(
            name: "Chinese slug", files: ["tenant.yaml": "slug: 演示\n"], file: "tenant.yaml", line: 1, field: "slug",
            message: "must be 2-40 lowercase letters, digits or single hyphens, starting with a letter"),
        BrokenFolder(
            name: "slug is a list", files: ["tenant.yaml": "slug: [acme]\n"], file: "tenant.yaml", line: 1,
            field: "slug",
            message: "must be a text value"),
        BrokenFolder(
            name: "unknown tenant key", files: ["tenant.yaml": "slug: acme\ntimezone: Asia/Shanghai\n"],
            file: "tenant.yaml", line: 2, field: "timezone",
            message: "unknown key; expected one of brand_color, locale, name, slug, time_zone"),
        BrokenFolder(
            name: "bad brand colour", files: ["tenant.yaml": "slug: acme\nbrand_color: teal\n"], file: "tenant.yaml",
            line: 2, field: "brand_color", message: "must be a hex colour such as #1f6feb"),
        BrokenFolder(
            name: "bad tenant locale", files: ["tenant.yaml": "slug: acme\nlocale: zh_CN\n"], file: "tenant.yaml",
            line: 2,
            field: "locale", message: "must be one of zh-CN, en"),
        BrokenFolder(
            name: "blank tenant name", files: ["tenant.yaml": "slug: acme\nname: \"   \"\n"], file: "tenant.yaml",
            line: 2,
            field: "name", message: "must not be empty"),
        BrokenFolder(
            name: "control character in tenant name", files: ["tenant.yaml": "slug: acme\nname: \"Acme\\a\"\n"],
            file: "tenant.yaml", line: 2, field: "name", message: "must not contain control characters"),
        BrokenFolder(
            name: "tenant name too long",
            files: ["tenant.yaml": "slug: acme\nname: \(String(repeating: "名", count: 201))\n"], file: "tenant.yaml",
            line: 2, field: "name", message: "must be at most 200 characters"),
        BrokenFolder(
            name: "tenant.yaml is a scalar", files: ["tenant.yaml": "acme\n"], file: "tenant.yaml", line: 1, field: "",
            message: "must be a mapping of keys to values"),
        BrokenFolder(
            name: "invalid YAML in tenant.yaml", files: ["tenant.yaml": "slug: acme\nname: \"unterminated\n"],
            file: "tenant.yaml", line: 3, field: "", message: "is not valid YAML: ", messageIsPrefix: true),

        // users.yaml
        BrokenFolder(
            name: "unknown user key",
            files: [
                "tenant.yaml": tenant,
                "users.yaml":
                    "users:\n  - email: a@example.com\n    name: A\n  - email: b@example.com\n    name: B\n    rol: agent\n",
            ],
            file: "users.yaml", line: 6, field: "users[1].rol",
            message: "unknown key; expected one of email, locale, name, regions, role, skills"),
        BrokenFolder(
            name: "bad role value",
            files: [
                "tenant.yaml": tenant,
                "users.yaml": "users:\n  - email: a@example.com\n    name: A\n    role: superuser\n",
            ],
            file: "users.yaml", line: 4, field: "users[0].role", message: "must be one of \(roles)"),
        BrokenFolder(
            name: "role in camel case",
            files: [
                "tenant.yaml": tenant,
                "users.yaml": "users:\n  - email: a@example.com\n    name: A\n    role: lightAgent\n",
            ],
            file: "users.yaml", line: 4, field: "users[0].role", message: "must be one of \(roles)"),
        BrokenFolder(
            name: "duplicate email differing in case",
            files: [
                "tenant.yaml": tenant,
                "users.yaml":
                    "users:\n  - email: Same@Example.com\n    name: A\n  - email: same@example.com\n    name: B\n",
            ],
            file: "users.yaml", line: 4, field: "users[1].email", message: "appears twice"),
        BrokenFolder(
            name: "bad user email",
            files: ["tenant.yaml": tenant, "users.yaml": "users:\n  - email: not-an-email\n    name: A\n"],
            file: "users.yaml", line: 2, field: "users[0].email", message: "is not a valid email address"),
        BrokenFolder(
            name: "missing user email",
            files: [
                "tenant.yaml": tenant, "users.yaml": "users:\n  - email: a@example.com\n    name: A\n  - name: B\n",
            ],
            file: "users.yaml", line: 4, field: "users[1].email", message: "is required"),
        BrokenFolder(
            name: "missing user name",
            files: ["tenant.yaml": tenant, "users.yaml": "users:\n  - email: a@example.com\n"],
            file: "users.yaml", line: 2, field: "users[0].name", message: "is required"),
        BrokenFolder(
            name: "blank user name",
            files: ["tenant.yaml": tenant, "users.yaml": "users:\n  - email: a@example.com\n    name: \"  \"\n"],
            file: "users.yaml", line: 3, field: "users[0].name", message: "must not be empty"),
        BrokenFolder(
            name: "bad user locale",
            files: [
                "tenant.yaml": tenant, "users.yaml": "users:\n  - email: a@example.com\n    name: A\n    locale: fr\n",
            ],
            file: "users.yaml", line: 4, field: "users[0].locale", message: "must be one of zh-CN, en"),
        BrokenFolder(
            name: "users is not a list", files: ["tenant.yaml": tenant, "users.yaml": "users: a@example.com\n"],
            file: "users.yaml", line: 1, field: "users", message: "must be a list"),
        BrokenFolder(
            name: "user entry is not a mapping",
            files: ["tenant.yaml": tenant, "users.yaml": "users:\n  - a@example.com\n"],
            file: "users.yaml", line: 2, field: "users[0]", message: "must be a mapping of keys to values"),
        BrokenFolder(
            name: "users.yaml root is a list",
            files: ["tenant.yaml": tenant, "users.yaml": "- email: a@example.com\n"],
            file: "users.yaml", line: 1, field: "", message: "must be a mapping of keys to values"),
        BrokenFolder(
            name: "unknown top-level key in users.yaml", files: ["tenant.yaml": tenant, "users.yaml": "user: []\n"],
            file: "users.yaml", line: 1, field: "user", message: "unknown key; expected one of users"),
        BrokenFolder(
            name: "user name is a mapping",
            files: ["tenant.yaml": tenant, "users.yaml": "users:\n  - email: a@example.com\n    name: {first: A}\n"],
            file: "users.yaml", line: 3, field: "users[0].name", message: "must be a text value"),
        BrokenFolder(
            name: "invalid YAML indentation in users.yaml",
            files: ["tenant.yaml": tenant, "users.yaml": "users:\n  - email: a@example.com\n   name: A\n"],
            file: "users.yaml", line: 3, field: "", message: "is not valid YAML: ", messageIsPrefix: true),
        BrokenFolder(
            name: "tab indentation in users.yaml",
            files: ["tenant.yaml": tenant, "users.yaml": "users:\n\t- email: a@example.com\n"],
            file: "users.yaml", line: 2, field: "", message: "is not valid YAML: ", messageIsPrefix: true),

        // groups.yaml
        BrokenFolder(
            name: "bad email in flow members",
            files: [
                "tenant.yaml": tenant,
                "groups.yaml":
                    "groups:\n  - key: after-sales\n    name: 售后服务组\n    members: [a@example.com, not-an-email]\n",
            ],
            file: "groups.yaml", line: 4, field: "groups[0].members[1]", message: "is not a valid email address"),
        BrokenFolder(
            name: "bad email in block members",
            files: [
                "tenant.yaml": tenant,
                "groups.yaml":
                    "groups:\n  - key: a\n    name: A\n  - key: b\n    name: B\n    members:\n      - b@example.com\n      - b@@example.com\n",
            ],
            file: "groups.yaml", line: 8, field: "groups[1].members[1]", message: "is not a valid email address"),
        BrokenFolder(
            name: "duplicate group key",
            files: [
                "tenant.yaml": tenant,
                "groups.yaml": "groups:\n  - key: desk\n    name: A\n  - key: desk\n    name: B\n",
            ],
            file: "groups.yaml", line: 4, field: "groups[1].key", message: "appears twice"),
        BrokenFolder(
            name: "invalid group key",
            files: ["tenant.yaml": tenant, "groups.yaml": "groups:\n  - key: After Sales\n    name: A\n"],
            file: "groups.yaml", line: 2, field: "groups[0].key",
            message: "must be 1-64 lowercase letters, digits, '-' or '_'"),
        BrokenFolder(
            name: "missing group key", files: ["tenant.yaml": tenant, "groups.yaml": "groups:\n  - name: A\n"],
            file: "groups.yaml", line: 2, field: "groups[0].key", message: "is required"),
        BrokenFolder(
            name: "missing group name", files: ["tenant.yaml": tenant, "groups.yaml": "groups:\n  - key: a\n"],
            file: "groups.yaml", line: 2, field: "groups[0].name", message: "is required"),
        BrokenFolder(
            name: "unknown group key",
            files: [
                "tenant.yaml": tenant, "groups.yaml": "groups:\n  - key: a\n    name: A\n    member: [a@example.com]\n",
            ],
            file: "groups.yaml", line: 4, field: "groups[0].member",
            message: "unknown key; expected one of description, key, members, name, routing"),
        BrokenFolder(
            name: "members is not a list",
            files: [
                "tenant.yaml": tenant, "groups.yaml": "groups:\n  - key: a\n    name: A\n    members: a@example.com\n",
            ],
            file: "groups.yaml", line: 4, field: "groups[0].members", message: "must be a list"),
        BrokenFolder(
            name: "description is a list",
            files: ["tenant.yaml": tenant, "groups.yaml": "groups:\n  - key: a\n    name: A\n    description: [x]\n"],
            file: "groups.yaml", line: 4, field: "groups[0].description", message: "must be a text value"),
    ]

    @Test(arguments: brokenFolders)
    func brokenFolderIsRefusedWithLocatedError(_ broken: BrokenFolder) throws {
        // given
        let fixture = try TenantFolderFixture(broken.files)
        defer { fixture.remove() }
        // when
        let error = #expect(throws: TenantConfigError.self) { try TenantFolder.read(fixture.url) }
        // then
        let found = try #require(error)
        #expect(found.file == fixture.path(broken.file))
        #expect(found.line == broken.line)
        #expect(found.field == broken.field)
        if broken.messageIsPrefix {
            #expect(found.message.hasPrefix(broken.message), "\(found.message)")
            #expect(found.message.count > broken.message.count)
        } else {
            #expect(found.message == broken.message)
        }
    }

    @Test(arguments: brokenFolders)
    func errorDescriptionIsPathLineFieldMessage(_ broken: BrokenFolder) throws {
        // given
        let fixture = try TenantFolderFixture(broken.files)
        defer { fixture.remove() }
        // when
        let error = try #require(#expect(throws: TenantConfigError.self) { try TenantFolder.read(fixture.url) })
        // then
        var expected = fixture.path(broken.file)
        if let line = broken.line { expected += ":\(line)" }
        if !broken.field.isEmpty { expected += ": \(broken.field)" }
        expected += ": \(error.message)"
        #expect(error.description == expected)
    }

    @Test func unknownUserKeyDescriptionReadsLikeTheDocumentation() throws {
        // given
        let fixture = try TenantFolderFixture([
            "tenant.yaml": Self.tenant,
            "users.yaml":
                "users:\n  - email: a@example.com\n    name: A\n  - email: b@example.com\n    name: B\n    rol: agent\n",
        ])
        defer { fixture.remove() }
        // when
        let error = #expect(throws: TenantConfigError.self) { try TenantFolder.read(fixture.url) }
        // then
        #expect(
            error?.description
                == "\(fixture.url.path)/users.yaml:6: users[1].rol: unknown key; expected one of email, locale, name, regions, role, skills"
        )
    }

    @Test func fileThatIsNotUTF8IsRefused() throws {
        // given
        let fixture = try TenantFolderFixture(["tenant.yaml": Self.tenant])
        defer { fixture.remove() }
        try fixture.write("users.yaml", bytes: [0x75, 0x73, 0xFF, 0xFE, 0x3A, 0x0A])
        // when
        let error = #expect(throws: TenantConfigError.self) { try TenantFolder.read(fixture.url) }
        // then
        #expect(
            error
                == TenantConfigError(
                    file: fixture.path("users.yaml"), line: nil, field: "", message: "cannot be read as UTF-8 text"))
    }

    @Test func tenantFileErrorsComeBeforeUserFileErrors() throws {
        let fixture = try TenantFolderFixture(["tenant.yaml": "slug: Bad\n", "users.yaml": "users: nope\n"])
        defer { fixture.remove() }
        let error = #expect(throws: TenantConfigError.self) { try TenantFolder.read(fixture.url) }
        #expect(error?.file == fixture.path("tenant.yaml"))
    }

    @Test func missingFolderReportsMissingTenantFile() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("concierge-absent-\(UUID().uuidString)")
        let error = #expect(throws: TenantConfigError.self) { try TenantFolder.read(url) }
        #expect(
            error == TenantConfigError(file: "\(url.path)/tenant.yaml", line: nil, field: "", message: "is missing"))
    }
}

@Suite("TenantConfigError")
struct TenantConfigErrorTests {
    @Test(arguments: [
        (
            TenantConfigError(
                file: "Tenants/acme/users.yaml", line: 7, field: "users[2].role", message: "must be one of owner"),
            "Tenants/acme/users.yaml:7: users[2].role: must be one of owner"
        ),
        (
            TenantConfigError(file: "Tenants/acme/users.yaml", line: nil, field: "users", message: "must be a list"),
            "Tenants/acme/users.yaml: users: must be a list"
        ),
        (
            TenantConfigError(file: "Tenants/acme/tenant.yaml", line: 3, field: "", message: "is not valid YAML: x"),
            "Tenants/acme/tenant.yaml:3: is not valid YAML: x"
        ),
        (
            TenantConfigError(file: "Tenants/acme/tenant.yaml", line: nil, field: "", message: "is missing"),
            "Tenants/acme/tenant.yaml: is missing"
        ),
    ])
    func descriptionIsPathLineFieldMessage(_ error: TenantConfigError, _ expected: String) {
        #expect(error.description == expected)
    }
}
