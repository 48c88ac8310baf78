import ConciergeConnectors
import ConciergeCore
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import UnixSignals

/// What each executable runs. The mains are one line each; `concierge dev` runs all three in
/// one process.
public enum ServiceEntryPoints {
    /// A process role.
    public enum Role: String, Sendable, CaseIterable {
        case api, worker, scheduler
    }

    /// Reads configuration, sets up logging and metrics, runs `roles` until SIGTERM/SIGINT.
    public static func run(_ roles: [Role]) async throws {
        // Async code then runs on the event loops that do the socket I/O: no thread hop between
        // Swift's cooperative pool and NIO around every database or HTTP call. Measured on the
        // 2-core bench machine this is most of the API's CPU per request (see docs/architecture.md).
        // Nothing here blocks a thread: bcrypt, hiredis and file I/O have their own thread pools.
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let configuration: ConciergeConfiguration
        do {
            configuration = try ConciergeConfiguration()
        } catch {
            FileHandle.standardError.write(Data("concierge: configuration error: \(error)\n".utf8))
            exit(78)
        }
        Observability.bootstrapLogging(configuration)
        Observability.bootstrapMetrics()
        var logger = Logger(label: "concierge")
        logger[metadataKey: "instance"] = "\(configuration.instanceID)"
        let platform = try Platform(configuration: configuration, logger: logger)
        let services = try await services(for: roles, platform: platform, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        logger.info(
            "starting",
            metadata: [
                "roles": "\(roles.map(\.rawValue).joined(separator: ","))",
                "mode": "\(configuration.deploymentMode.rawValue)",
            ])
        try await group.run()
        await platform.shutdown()
    }

    /// The lifecycle services that make up `roles`.
    public static func services(for roles: [Role], platform: Platform, logger: Logger) async throws -> [any Service] {
        let configuration = platform.configuration
        var services: [any Service] = []
        var hasPostgres = false
        for role in roles {
            switch role {
            case .api:
                services.append(try await APIApplication.build(platform))
                hasPostgres = true
            case .worker:
                let worker = JobWorker(
                    queue: platform.queue, handlers: platform.jobHandlers,
                    options: .init(
                        queues: configuration.workerQueues, concurrency: configuration.workerConcurrency,
                        visibilityTimeout: .seconds(configuration.queueVisibilitySeconds)),
                    workerID: configuration.instanceID, logger: logger)
                services.append(WorkerService(worker: worker))
                if configuration.inboundSMTPPort > 0 { services.append(inboundSMTP(platform, logger: logger)) }
                if roles.count == 1 {
                    services.append(ProbeServer.build(platform, port: configuration.workerHTTPPort, logger: logger))
                }
            case .scheduler:
                let loop = SchedulerLoop(
                    election: platform.election, tasks: platform.periodicTasks, holder: configuration.instanceID,
                    logger: logger)
                services.append(SchedulerService(loop: loop))
                if roles.count == 1 {
                    services.append(ProbeServer.build(platform, port: configuration.schedulerHTTPPort, logger: logger))
                }
            }
        }
        if !hasPostgres { services.insert(platform.postgres, at: 0) }
        return services
    }

    /// The inbound SMTP endpoint (`CONCIERGE_INBOUND_SMTP_*`), run by the worker.
    static func inboundSMTP(_ platform: Platform, logger: Logger) -> InboundSMTPService {
        let configuration = platform.configuration
        let tls =
            configuration.inboundSMTPCertificateFile.isEmpty
            ? nil
            : InboundSMTPConfiguration.TLS(
                certificateChainFile: configuration.inboundSMTPCertificateFile,
                privateKeyFile: configuration.inboundSMTPKeyFile)
        return InboundSMTPService(
            configuration: InboundSMTPConfiguration(
                host: configuration.inboundSMTPHost, port: configuration.inboundSMTPPort,
                serverName: URL(string: configuration.publicURL)?.host ?? "concierge", tls: tls,
                maximumMessageSize: configuration.inboundSMTPMaxBytes),
            router: platform.inboundMail, logger: logger)
    }
}
