import ArgumentParser
import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeQueue
import ConciergeRuntime

/// `concierge token issue`: an API token for a tenant, printed once.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue API tokens.", subcommands: [Issue.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue an API token and print it once.")
        @Option(help: "Tenant slug.") var tenant: String
        @Option(help: "Token name.") var name: String
        @Option(help: "owner, admin, supervisor, agent or light_agent.") var role = "admin"

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw failure("--role must be one of \(Role.allCases.map(\.rawValue))")
            }
            let (slug, name) = (tenant, self.name)
            let issued = try await reportingAppErrors {
                try await CommandSupport.withPlatform { platform in
                    guard let tenant = try await platform.tenants.find(slug: try TenantSlug(slug)) else {
                        throw AppError.notFound("tenant \(slug)")
                    }
                    return try await platform.tokens.issue(
                        name: name, role: role, grantedBy: .owner, actor: .system("cli"), tenant: tenant.id)
                }
            }
            print(issued.secret)
        }
    }
}
