import ConciergeCore
import ConciergeDomain
import Foundation
import Logging

/// Every setting of the platform, read from `CONCIERGE_*` environment variables and, when
/// `CONCIERGE_CONFIG_FILE` names one, a `KEY=VALUE` file (the environment wins). The defaults
/// fit `make run` on one machine. See docs/configuration.md.
public struct ConciergeConfiguration: Sendable {
    /// How tenants are placed (same binaries in every mode).
    public enum DeploymentMode: String, Sendable, CaseIterable {
        case shared
        case dedicated
        case selfHosted = "self-hosted"
    }

    public var databaseURL: String
    public var migrationDatabaseURL: String
    public var databaseAppRole: String
    public var databasePoolSize: Int
    public var redisURL: String
    public var redisPrefix: String
    public var redisPoolSize: Int
    public var httpHost: String
    public var httpPort: Int
    public var workerHTTPPort: Int
    public var schedulerHTTPPort: Int
    public var publicURL: String
    public var deploymentMode: DeploymentMode
    public var logLevel: Logger.Level
    public var logFormat: String
    public var cookieSecure: Bool
    public var sessionTTLHours: Int
    public var loginMaxFailures: Int
    public var loginWindowSeconds: Int
    public var apiRequestsPerMinute: Int
    /// How long an API process trusts a token it has looked up (0: never; look up every request).
    public var tokenCacheSeconds: Int
    public var workerConcurrency: Int
    public var workerQueues: [String]
    public var queueVisibilitySeconds: Int
    public var maxBodyBytes: Int
    public var bcryptCost: Int
    /// Directory of the filesystem attachment storage.
    public var attachmentsDirectory: String
    public var attachmentMaxBytes: Int
    /// Minutes between solving a ticket and sending its CSAT survey.
    public var csatDelayMinutes: Int
    /// The key ring that seals connector secrets (`id:base64,…`, 32-byte keys, the first seals).
    public var secretKeys: String
    /// Networks connectors may reach although the SSRF guard blocks them (CIDRs).
    public var connectorAllowedNetworks: [String]
    /// Days a survey link stays valid.
    public var surveyLifetimeDays: Int
    /// Minutes a customer portal sign-in link works.
    public var portalLinkMinutes: Int
    /// Days a customer portal session lasts.
    public var portalSessionDays: Int
    /// Outgoing mail relay; an empty host records emails as undeliverable instead of sending.
    public var smtpHost: String
    public var smtpPort: Int?
    /// `starttls`, `tls`, `opportunistic` or `plaintext`.
    public var smtpSecurity: String
    public var smtpUsername: String
    public var smtpPassword: String
    /// The sender address of every email (the display name is the tenant's name).
    public var smtpFrom: String
    /// A CA certificate file (PEM) to trust instead of the system's; `none` skips verification.
    public var smtpCAFile: String
    /// Seconds between two polls of the tenants' IMAP mailboxes (scheduler).
    public var mailboxPollSeconds: Int
    /// A CA certificate file (PEM) to trust for IMAP instead of the system's; `none` skips verification.
    public var imapCAFile: String
    /// The inbound SMTP endpoint (worker): `0` (the default) leaves it off.
    public var inboundSMTPPort: Int
    public var inboundSMTPHost: String
    /// Certificate chain and key (PEM) offered with STARTTLS; both empty: no STARTTLS.
    public var inboundSMTPCertificateFile: String
    public var inboundSMTPKeyFile: String
    /// The largest message the endpoint accepts (announced with SIZE).
    public var inboundSMTPMaxBytes: Int
    /// Identifies this process in leases, probes and logs (`host:pid` by default).
    public var instanceID: String

    /// Reads `environment` (and the file it names).
    /// - Throws: ``ConfigurationError`` naming the variable.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        var values: [String: String] = [:]
        if let path = environment["CONCIERGE_CONFIG_FILE"], !path.isEmpty {
            values = try Self.readFile(path)
        }
        values.merge(environment.filter { $0.key.hasPrefix("CONCIERGE_") }) { _, env in env }
        let reader = Reader(values: values)
        databaseURL = reader.string(
            "CONCIERGE_DATABASE_URL", "postgres://concierge_app:concierge_app@127.0.0.1:55432/concierge")
        migrationDatabaseURL = reader.string(
            "CONCIERGE_MIGRATION_DATABASE_URL", "postgres://concierge_owner:concierge_owner@127.0.0.1:55432/concierge")
        databaseAppRole = reader.string("CONCIERGE_DATABASE_APP_ROLE", "concierge_app")
        databasePoolSize = try reader.int("CONCIERGE_DATABASE_POOL_SIZE", 20, range: 2...500)
        redisURL = reader.string("CONCIERGE_REDIS_URL", "redis://127.0.0.1:56379/0")
        redisPrefix = reader.string("CONCIERGE_REDIS_PREFIX", "cq")
        guard redisPrefix.range(of: "^[A-Za-z0-9_.:-]{1,64}$", options: .regularExpression) != nil else {
            throw ConfigurationError(
                variable: "CONCIERGE_REDIS_PREFIX",
                message: "must be 1-64 letters, digits, '_', '.', ':' or '-' (no braces)")
        }
        redisPoolSize = try reader.int("CONCIERGE_REDIS_POOL_SIZE", 16, range: 1...256)
        httpHost = reader.string("CONCIERGE_HTTP_HOST", "127.0.0.1")
        httpPort = try reader.int("CONCIERGE_HTTP_PORT", 8080, range: 1...65535)
        workerHTTPPort = try reader.int("CONCIERGE_WORKER_HTTP_PORT", 8081, range: 1...65535)
        schedulerHTTPPort = try reader.int("CONCIERGE_SCHEDULER_HTTP_PORT", 8082, range: 1...65535)
        publicURL = reader.string("CONCIERGE_PUBLIC_URL", "http://127.0.0.1:\(httpPort)")
        guard let mode = DeploymentMode(rawValue: reader.string("CONCIERGE_DEPLOYMENT_MODE", "shared")) else {
            throw ConfigurationError(
                variable: "CONCIERGE_DEPLOYMENT_MODE", message: "must be shared, dedicated or self-hosted")
        }
        deploymentMode = mode
        guard let level = Logger.Level(rawValue: reader.string("CONCIERGE_LOG_LEVEL", "info")) else {
            throw ConfigurationError(
                variable: "CONCIERGE_LOG_LEVEL",
                message: "must be trace, debug, info, notice, warning, error or critical")
        }
        logLevel = level
        logFormat = reader.string("CONCIERGE_LOG_FORMAT", "text")
        guard ["text", "json"].contains(logFormat) else {
            throw ConfigurationError(variable: "CONCIERGE_LOG_FORMAT", message: "must be text or json")
        }
        cookieSecure = try reader.bool("CONCIERGE_COOKIE_SECURE", true)
        sessionTTLHours = try reader.int("CONCIERGE_SESSION_TTL_HOURS", 12, range: 1...24 * 90)
        loginMaxFailures = try reader.int("CONCIERGE_LOGIN_MAX_FAILURES", 5, range: 1...1000)
        loginWindowSeconds = try reader.int("CONCIERGE_LOGIN_WINDOW_SECONDS", 900, range: 1...86400)
        apiRequestsPerMinute = try reader.int("CONCIERGE_API_REQUESTS_PER_MINUTE", 3000, range: 1...1_000_000)
        tokenCacheSeconds = try reader.int("CONCIERGE_TOKEN_CACHE_SECONDS", 5, range: 0...60)
        workerConcurrency = try reader.int("CONCIERGE_WORKER_CONCURRENCY", 8, range: 1...256)
        workerQueues = reader.string("CONCIERGE_WORKER_QUEUES", "default,events,notifications,connectors,diagnostics")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        queueVisibilitySeconds = try reader.int("CONCIERGE_QUEUE_VISIBILITY_SECONDS", 60, range: 1...86400)
        maxBodyBytes = try reader.int("CONCIERGE_MAX_BODY_BYTES", 1 << 20, range: 1024...(1 << 30))
        bcryptCost = try reader.int("CONCIERGE_BCRYPT_COST", 11, range: 4...16)
        attachmentsDirectory = reader.string("CONCIERGE_ATTACHMENTS_DIR", ".data/attachments")
        attachmentMaxBytes = try reader.int("CONCIERGE_ATTACHMENT_MAX_BYTES", 20 << 20, range: 1024...(1 << 30))
        csatDelayMinutes = try reader.int("CONCIERGE_CSAT_DELAY_MINUTES", 60, range: 0...43_200)
        surveyLifetimeDays = try reader.int("CONCIERGE_SURVEY_LIFETIME_DAYS", 14, range: 1...365)
        portalLinkMinutes = try reader.int("CONCIERGE_PORTAL_LINK_MINUTES", 15, range: 5...1440)
        portalSessionDays = try reader.int("CONCIERGE_PORTAL_SESSION_DAYS", 7, range: 1...90)
        smtpHost = reader.string("CONCIERGE_SMTP_HOST", "")
        let port = try reader.int("CONCIERGE_SMTP_PORT", 0, range: 0...65535)
        smtpPort = port == 0 ? nil : port
        smtpSecurity = reader.string("CONCIERGE_SMTP_SECURITY", "starttls")
        guard ["starttls", "tls", "opportunistic", "plaintext"].contains(smtpSecurity) else {
            throw ConfigurationError(
                variable: "CONCIERGE_SMTP_SECURITY", message: "must be starttls, tls, opportunistic or plaintext")
        }
        smtpUsername = reader.string("CONCIERGE_SMTP_USERNAME", "")
        smtpPassword = reader.string("CONCIERGE_SMTP_PASSWORD", "")
        smtpFrom = reader.string("CONCIERGE_SMTP_FROM", "support@concierge.local")
        smtpCAFile = reader.string("CONCIERGE_SMTP_CA_FILE", "")
        secretKeys = reader.string("CONCIERGE_SECRET_KEYS", "")
        guard SecretBox(ring: secretKeys) != nil else {
            throw ConfigurationError(
                variable: "CONCIERGE_SECRET_KEYS", message: "must be id:base64,… with 32-byte keys and distinct ids")
        }
        connectorAllowedNetworks = reader.string("CONCIERGE_CONNECTOR_ALLOWED_NETWORKS", "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        mailboxPollSeconds = try reader.int("CONCIERGE_MAILBOX_POLL_SECONDS", 60, range: 5...86_400)
        imapCAFile = reader.string("CONCIERGE_IMAP_CA_FILE", "")
        inboundSMTPPort = try reader.int("CONCIERGE_INBOUND_SMTP_PORT", 0, range: 0...65535)
        inboundSMTPHost = reader.string("CONCIERGE_INBOUND_SMTP_HOST", "127.0.0.1")
        inboundSMTPCertificateFile = reader.string("CONCIERGE_INBOUND_SMTP_TLS_CERT", "")
        inboundSMTPKeyFile = reader.string("CONCIERGE_INBOUND_SMTP_TLS_KEY", "")
        guard inboundSMTPCertificateFile.isEmpty == inboundSMTPKeyFile.isEmpty else {
            throw ConfigurationError(
                variable: "CONCIERGE_INBOUND_SMTP_TLS_CERT",
                message: "and CONCIERGE_INBOUND_SMTP_TLS_KEY are set together or not at all")
        }
        inboundSMTPMaxBytes = try reader.int(
            "CONCIERGE_INBOUND_SMTP_MAX_BYTES", 25 * 1024 * 1024, range: 65_536...(100 * 1024 * 1024))
        instanceID = reader.string("CONCIERGE_INSTANCE_ID", "\(ProcessInfo.processInfo.hostName):\(getpid())")
    }

    static func readFile(_ path: String) throws -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigurationError(variable: "CONCIERGE_CONFIG_FILE", message: "cannot read \(path)")
        }
        var values: [String: String] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigurationError(
                    variable: "CONCIERGE_CONFIG_FILE", message: "\(path):\(index + 1): expected KEY=VALUE")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[key] = value
        }
        return values
    }

    private struct Reader {
        let values: [String: String]

        func string(_ key: String, _ fallback: String) -> String {
            guard let value = values[key], !value.isEmpty else { return fallback }
            return value
        }

        func int(_ key: String, _ fallback: Int, range: ClosedRange<Int>) throws -> Int {
            guard let text = values[key], !text.isEmpty else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw ConfigurationError(
                    variable: key, message: "must be an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return value
        }

        func bool(_ key: String, _ fallback: Bool) throws -> Bool {
            guard let text = values[key]?.lowercased(), !text.isEmpty else { return fallback }
            switch text {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default: throw ConfigurationError(variable: key, message: "must be true or false")
            }
        }
    }
}

/// A configuration value that cannot be used. The message names the variable, never its value
/// (which may be a secret).
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var variable: String
    public var message: String
    public var description: String { "\(variable) \(message)" }
}
