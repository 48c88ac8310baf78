import ArgumentParser
import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime

/// `concierge connectors rotate-secrets`: re-seals every connector secret under the first key
/// of `CONCIERGE_SECRET_KEYS`, after a new key was put first in the ring. Run it before the old
/// key is dropped from the ring; running it again finds nothing left to do.
struct ConnectorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connectors", abstract: "Connector administration.", subcommands: [RotateSecrets.self])

    struct RotateSecrets: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-secrets",
            abstract: "Re-seal connector secrets under the current (first) key of CONCIERGE_SECRET_KEYS.")

        func run() async throws {
            let lines = try await reportingAppErrors {
                try await CommandSupport.withPlatform { platform -> [String] in
                    guard let current = platform.secretBox.currentKeyID else { throw SecretBox.missingKeys }
                    let tenants = try await ConnectorSecretPostgresTenants(
                        client: platform.postgres, logger: platform.logger
                    ).needingReseal(currentKey: current)
                    var lines: [String] = []
                    for tenant in tenants {
                        let count = try await platform.connectors.resealSecrets(tenant: tenant)
                        lines.append("tenant \(tenant): \(count) connector(s) re-sealed under key \(current)")
                    }
                    lines.append("\(tenants.count) tenant(s) re-sealed; every secret is under key \(current)")
                    return lines
                }
            }
            for line in lines { print(line) }
        }
    }
}
