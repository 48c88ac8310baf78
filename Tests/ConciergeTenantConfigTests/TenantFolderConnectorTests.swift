import ConciergeCore
import ConciergeDomain
import ConciergeTenantConfig
import Foundation
import Testing

/// `connectors.yaml`: the API's connector shapes in YAML, secrets from the environment.
@Suite struct TenantFolderConnectorTests {
    static let tenant = "slug: acme\nname: Acme\n"

    static func read(_ connectors: String, environment: [String: String] = [:]) throws -> TenantBlueprint {
        let fixture = try TenantFolderFixture(["tenant.yaml": tenant, "connectors.yaml": connectors])
        defer { fixture.remove() }
        return try TenantFolder.read(fixture.url, environment: environment)
    }

    static func error(_ connectors: String, environment: [String: String] = [:]) throws -> TenantConfigError {
        do {
            _ = try read(connectors, environment: environment)
        } catch let error as TenantConfigError {
            return error
        }
        throw TenantConfigError(file: "", line: nil, field: "", message: "expected an error")
    }

    @Test("A webhook's secret comes from the named environment variable")
    func secretsComeFromTheEnvironment() throws {
        // given a webhook whose signing secret names a variable that is set
        let yaml = """
            connectors:
              - key: ops
                kind: webhook
                settings: {url: "https://ops.example.cn/hook"}
                secrets: {signing_secret: {env: OPS_SECRET}}
                events: [ticket.created]
            """
        // when the folder is read
        let blueprint = try Self.read(yaml, environment: ["OPS_SECRET": "s3cret"])
        // then the draft carries the value, not the reference
        let draft = try #require(blueprint.connectors.first)
        #expect(draft.key == "ops")
        #expect(draft.kind == .webhook)
        #expect(draft.secrets == ["signing_secret": "s3cret"])
        #expect(draft.events == ["ticket.created"])
    }

    @Test("A CRM and an ERP connector to the same Kingdee share their external ids key")
    func crmAndERPConnectorsReadFromYAML() throws {
        let yaml = """
            connectors:
              - key: k3-crm
                kind: crm
                name: 金蝶客户同步
                settings: {vendor: kingdee, base_url: "https://erp.example.cn/k3cloud", account_set_id: "62f0a1",
                           username: concierge, external_ids_key: k3, sync: [organizations, customers],
                           sync_interval_minutes: 30}
                secrets: {password: {env: K3_PASSWORD}}
              - key: k3-stock
                kind: erp
                settings: {vendor: kingdee, base_url: "https://erp.example.cn/k3cloud", account_set_id: "62f0a1",
                           username: concierge, external_ids_key: k3, default_warehouse: CK001}
                secrets: {password: {env: K3_PASSWORD}}
            """
        let blueprint = try Self.read(yaml, environment: ["K3_PASSWORD": "kd-secret"])
        #expect(blueprint.connectors.map(\.kind) == [.crm, .erp])
        #expect(blueprint.connectors.allSatisfy { $0.secrets == ["password": "kd-secret"] })
        #expect(blueprint.connectors.first?.settings?["sync_interval_minutes"] == .number(30))
    }

    @Test("An unset variable is an error at the secret's line")
    func unsetVariableIsLocated() throws {
        // given a secret naming a variable the environment lacks
        let yaml = """
            connectors:
              - key: ops
                kind: webhook
                settings: {url: "https://ops.example.cn/hook"}
                secrets:
                  signing_secret: {env: MISSING_SECRET}
            """
        // when read, then the error names the field, the line and the variable
        let error = try Self.error(yaml)
        #expect(error.field == "connectors[0].secrets.signing_secret")
        #expect(error.line == 6)
        #expect(error.message.contains("MISSING_SECRET"))
    }

    @Test("A mailbox is validated as the API would, at its setting's line")
    func mailboxIsValidated() throws {
        // given a mailbox whose address is not one and one polling without a password
        let badAddress = """
            connectors:
              - key: support
                kind: mailbox
                settings:
                  address: not-an-address
            """
        let noPassword = """
            connectors:
              - key: support
                kind: mailbox
                settings: {address: "support@acme.example", imap_host: imap.acme.example, imap_username: support}
            """
        // when read, then each error names its field
        let address = try Self.error(badAddress)
        #expect(address.field == "connectors[0].settings.address")
        #expect(address.line == 5)
        #expect(try Self.error(noPassword).field == "connectors[0].secrets.imap_password")
        // and a complete mailbox reads
        let fine = try Self.read(
            """
            connectors:
              - key: support
                kind: mailbox
                settings: {address: "support@acme.example", imap_host: imap.acme.example, imap_username: support}
                secrets: {imap_password: {env: IMAP_PASSWORD}}
            """, environment: ["IMAP_PASSWORD": "pw"])
        #expect(fine.connectors.first?.kind == .mailbox)
    }

    @Test("Unknown keys, unknown kinds and duplicate keys are refused")
    func shapeErrors() throws {
        // given three broken files, when read, then each names what is wrong
        #expect(
            try Self.error("connectors:\n  - key: a\n    kind: webhook\n    colour: red\n").field.hasSuffix("colour"))
        #expect(try Self.error("connectors:\n  - key: a\n    kind: telex\n").message.contains("telex"))
        let duplicate = """
            connectors:
              - {key: a, kind: mailbox, settings: {address: "a@acme.example"}}
              - {key: a, kind: mailbox, settings: {address: "b@acme.example"}}
            """
        #expect(try Self.error(duplicate).message == "appears twice")
    }
}
