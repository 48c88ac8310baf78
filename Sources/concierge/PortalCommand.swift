import ArgumentParser
import ConciergeCore
import ConciergeDomain
import ConciergeRuntime

/// `concierge portal link`: a customer portal sign-in link, printed instead of emailed (a demo
/// without a mail relay; support helping a customer on the phone). It works once, for
/// `CONCIERGE_PORTAL_LINK_MINUTES`, and is recorded on the customer as
/// `customer.portal_link_issued`.
struct PortalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal", abstract: "Customer portal helpers.", subcommands: [Link.self])

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a one-time sign-in link to the customer portal for a customer's email address.")
        @Option(help: "Tenant slug.") var tenant: String
        @Option(help: "The customer's email address.") var email: String

        func run() async throws {
            let (slug, email) = (tenant, self.email)
            let link = try await reportingAppErrors {
                try await CommandSupport.withPlatform { platform in
                    let tenant = try await platform.portal.tenant(slug: slug)
                    return try await platform.portal.issueLink(tenant: tenant, email: email, actor: .system("cli"))
                }
            }
            guard let link else { throw failure("\(email) is no customer's email address in \(slug)") }
            print(link)
        }
    }
}
