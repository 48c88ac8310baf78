import ArgumentParser

/// The admin command line: migrations, tenants, queues, and the all-in-one `dev` mode.
@main
struct Concierge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concierge",
        abstract: "Concierge platform administration.",
        discussion: "Settings come from CONCIERGE_* environment variables (see docs/configuration.md).",
        subcommands: [
            Migrate.self, TenantCommand.self, TokenCommand.self, DemoCommand.self, QueueCommand.self, Dev.self,
            BenchRulesCommand.self, ConnectorsCommand.self, PortalCommand.self,
        ])
}
