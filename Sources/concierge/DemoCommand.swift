import ArgumentParser
import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeQueue
import ConciergeRuntime

/// `concierge demo seed`: gives the demo tenant's first admin a known password and issues a
/// fresh demo API token (the previous demo tokens are revoked), for `make run`.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Local demo helpers.", subcommands: [Seed.self])

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the demo login and print a fresh demo API token.")
        @Option(help: "Tenant slug.") var tenant = "demo"
        @Option(help: "Email of the user who gets the demo password.") var email = "admin@demo.concierge.local"
        @Option(help: "The demo password (local use only).") var password = "concierge-demo-2026"

        func run() async throws {
            let (slug, email, password) = (tenant, email, password)
            let secret = try await reportingAppErrors {
                try await CommandSupport.withPlatform { platform in
                    guard let tenant = try await platform.tenants.find(slug: try TenantSlug(slug)) else {
                        throw AppError.notFound("tenant \(slug)")
                    }
                    guard
                        let user = try await platform.store.transaction(
                            tenant.id, { try await $0.users.find(email: email) })
                    else {
                        throw AppError.notFound("user \(email) in \(slug); list it in Tenants/\(slug)/users.yaml")
                    }
                    let actor = Actor.system("demo-seed")
                    _ = try await platform.users.update(
                        user.id, .init(status: .active, password: password), grantedBy: .owner, actor: actor,
                        tenant: tenant.id)
                    for token in try await platform.tokens.list(tenant: tenant.id)
                    where token.name == "demo" && token.revokedAt == nil {
                        try await platform.tokens.revoke(token.id, actor: actor, tenant: tenant.id)
                    }
                    return try await platform.tokens.issue(
                        name: "demo", role: .admin, grantedBy: .owner, actor: actor, tenant: tenant.id
                    ).secret
                }
            }
            print("tenant: \(slug)")
            print("login: \(email) / \(password)")
            print("token: \(secret)")
        }
    }
}
