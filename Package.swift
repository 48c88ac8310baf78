// swift-tools-version:6.1
// Concierge: a multi-tenant customer service platform. See docs/architecture.md for the
// target graph and the import rule (imports only point down: Domain <- Core <- adapters <- Runtime).
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "concierge",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "concierge", targets: ["concierge"]),
        .executable(name: "concierge-api", targets: ["concierge-api"]),
        .executable(name: "concierge-worker", targets: ["concierge-worker"]),
        .executable(name: "concierge-scheduler", targets: ["concierge-scheduler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // Already in the build through postgres-nio; named for the SMTP client's TLS.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
        // Server-rendered web pages (agent workspace); used by ConciergeHTTP only.
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // Pure domain: entities, validation, state machines, permissions. Foundation only.
        .target(name: "ConciergeDomain", swiftSettings: strict),
        // QR codes (asset labels that open the web form) as PNG and SVG. Foundation only.
        .target(name: "ConciergeQRCode", swiftSettings: strict),
        // Use cases and the ports (protocols) they need.
        .target(
            name: "ConciergeCore",
            dependencies: [
                "ConciergeDomain",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        // Postgres adapter: repositories, tenant transactions, migrations, outbox.
        .target(
            name: "ConciergePostgres",
            dependencies: [
                "ConciergeCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Migrations/SQL")],
            swiftSettings: strict
        ),
        // libhiredis as a system library (no pkgConfig: see docs/architecture.md).
        .systemLibrary(name: "CHiredis", path: "Sources/CHiredis"),
        // Redis adapter: the job queue, rate limiter.
        .target(
            name: "ConciergeQueue",
            dependencies: [
                "ConciergeCore",
                "CHiredis",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Tenant configuration as code: YAML folders under Tenants/.
        .target(
            name: "ConciergeTenantConfig",
            dependencies: [
                "ConciergeCore",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        // HTTP adapter: routes, auth, DTOs, error mapping. Receives ports; never imports adapters.
        .target(
            name: "ConciergeHTTP",
            dependencies: [
                "ConciergeCore", "ConciergeQRCode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/openapi.json"), .copy("Resources/Web")],
            swiftSettings: strict
        ),
        // Composition: the only target that knows the concrete adapters.
        // Outbound connectors: Email/ (SMTP), HTTP/ + Network/ (SSRF-guarded HTTP client), Webhook/,
        // DingTalk/, WeCom/, SMS/, Vendors/ (shared response classification). Imports no Concierge target.
        .target(
            name: "ConciergeConnectors",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ConciergeRuntime",
            dependencies: [
                "ConciergeDomain",
                "ConciergeCore",
                "ConciergePostgres",
                "ConciergeQueue",
                "ConciergeHTTP",
                "ConciergeTenantConfig",
                "ConciergeConnectors",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "concierge-api", dependencies: ["ConciergeRuntime"], swiftSettings: strict),
        .executableTarget(name: "concierge-worker", dependencies: ["ConciergeRuntime"], swiftSettings: strict),
        .executableTarget(name: "concierge-scheduler", dependencies: ["ConciergeRuntime"], swiftSettings: strict),
        .executableTarget(
            name: "concierge",
            dependencies: [
                "ConciergeRuntime",
                "ConciergePostgres",
                "ConciergeQueue",
                "ConciergeTenantConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Shared test fixtures: fresh databases cloned from a migrated template, Redis prefixes.
        .target(
            name: "ConciergeTestSupport",
            dependencies: [
                "ConciergeRuntime", "ConciergePostgres", "ConciergePeerTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/ConciergeTestSupport",
            swiftSettings: strict
        ),
        // Real peers for tests: child processes on 127.0.0.1 (Python stubs, Dovecot) and a test certificate.
        .target(
            name: "ConciergePeerTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/ConciergePeerTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "ConciergeDomainTests", dependencies: ["ConciergeDomain"], swiftSettings: strict),
        // Decodes what it renders with zbarimg (zbar-tools).
        .testTarget(name: "ConciergeQRCodeTests", dependencies: ["ConciergeQRCode"], swiftSettings: strict),
        .testTarget(
            name: "ConciergeQueueTests",
            dependencies: ["ConciergeQueue"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConciergeTenantConfigTests",
            dependencies: ["ConciergeTenantConfig"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConciergePostgresTests",
            dependencies: [
                "ConciergePostgres", "ConciergeQueue", "ConciergeRuntime", "ConciergeTestSupport", "ConciergeTenantConfig",
                "ConciergePeerTestSupport", "ConciergeConnectors",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Tests run real peers on 127.0.0.1: an SMTP server (Email/smtp_test_server.py, aiosmtpd), an HTTP
        // server (HTTP/http_test_server.py), vendor stubs that verify signatures (Vendors/vendor_stub_server.py)
        // and ERP/CRM stubs speaking Salesforce, HubSpot, Odoo, Kingdee and Yonyou (ERP/erp_stub_server.py).
        .testTarget(
            name: "ConciergeConnectorsTests",
            dependencies: [
                "ConciergeConnectors", "ConciergePeerTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: [
                "Email/smtp_test_server.py", "HTTP/http_test_server.py", "Vendors/vendor_stub_server.py",
                "ERP/erp_stub_server.py",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConciergeHTTPTests",
            dependencies: [
                "ConciergeHTTP", "ConciergeRuntime", "ConciergeTestSupport", "ConciergeCore", "ConciergeDomain",
                "ConciergePostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConciergeIntegrationTests",
            dependencies: ["ConciergeRuntime", "ConciergeTestSupport", "ConciergePostgres", "ConciergeQueue", "ConciergeCore", "ConciergeDomain"],
            swiftSettings: strict
        ),
    ]
)
