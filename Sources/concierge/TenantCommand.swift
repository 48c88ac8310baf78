import ArgumentParser
import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeQueue
import ConciergeRuntime
import ConciergeTenantConfig
import Foundation

/// `concierge tenant create|apply|list`.
struct TenantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant", abstract: "Create tenants and apply their configuration folders.",
        subcommands: [Create.self, Apply.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a tenant and print its first admin API token once.")
        @Option(help: "Short URL-safe name, e.g. acme.") var slug: String
        @Option(help: "Display name.") var name: String
        @Option(help: "IANA time zone.") var timeZone = "Asia/Shanghai"
        @Option(help: "zh-CN or en.") var locale = "zh-CN"
        @Option(help: "Seats (agents) allowed.") var seats = 25
        @Option(help: "Plan name.") var plan = "standard"

        func run() async throws {
            guard let locale = Tenant.Locale(rawValue: locale) else {
                throw ValidationError("--locale must be zh-CN or en")
            }
            let request = TenantProvisioning.Request(
                slug: slug, name: name, timeZone: timeZone, locale: locale, plan: plan, seatLimit: seats)
            let created = try await reportingAppErrors {
                try await CommandSupport.withPlatform { try await $0.provisioning.create(request) }
            }
            print("created tenant \(created.tenant.slug) (\(created.tenant.id))")
            print("admin API token (shown once): \(created.adminToken.secret)")
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a tenant match its Tenants/<slug> folder; prints what changed.")
        @Argument(help: "The folder, e.g. Tenants/acme.") var folder: String
        @Flag(help: "Create the tenant when it does not exist yet.") var createMissing = false

        func run() async throws {
            let blueprint: TenantBlueprint
            do {
                blueprint = try TenantFolder.read(URL(fileURLWithPath: folder))
            } catch let error as TenantConfigError {
                throw failure("\(error)")
            }
            let createMissing = self.createMissing
            let report = try await reportingAppErrors {
                try await CommandSupport.withPlatform {
                    try await $0.configApplier.apply(blueprint, createMissing: createMissing)
                }
            }
            print(
                "tenant \(report.tenant.slug): \(report.changes.isEmpty ? "no changes" : "\(report.changes.count) change(s)")"
            )
            for change in report.changes { print("  \(change)") }
            if let token = report.bootstrapToken { print("admin API token (shown once): \(token)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tenants.")

        func run() async throws {
            let tenants = try await CommandSupport.withPlatform { try await $0.tenants.all() }
            for tenant in tenants {
                print(
                    "\(tenant.slug)\t\(tenant.status.rawValue)\t\(tenant.plan)\t\(tenant.seatLimit) seats\t\(tenant.timeZone)\t\(tenant.name)"
                )
            }
        }
    }
}
