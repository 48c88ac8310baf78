import ConciergeCore
import ConciergeDomain
import Foundation

/// How the console describes a connector's circuit breaker.
struct AdminCircuit {
    let text: String
    let kind: String

    init(_ circuit: ConnectorCircuit, viewer: WebViewer, now: Date) {
        let failures = String(circuit.consecutiveFailures)
        if let until = circuit.openUntil, circuit.isOpen(at: now) {
            text = viewer.catalogue.text(
                "admin_circuit_open", ["until": viewer.dates.text(until), "count": failures])
            kind = "bad"
        } else if circuit.consecutiveFailures > 0 {
            text = viewer.catalogue.text("admin_circuit_failing", ["count": failures])
            kind = "muted"
        } else {
            text = viewer.catalogue.text("admin_circuit_closed")
            kind = "good"
        }
    }
}

/// `/admin/connectors`: the tenant's connectors with their kind, state and circuit.
struct AdminConnectorsPage {
    struct Row {
        let name: String
        let key: String
        let kind: String
        let enabled: String
        let enabledKind: String
        let circuit: AdminCircuit
        let events: String
        let href: String
    }

    let nav: AdminNav
    let rows: [Row]
    let isEmpty: Bool

    init(connectors: [Connector], viewer: WebViewer, now: Date) {
        let catalogue = viewer.catalogue
        nav = AdminNav(viewer, current: .connectors)
        rows = connectors.sorted { $0.name < $1.name }.map { connector in
            Row(
                name: connector.name, key: connector.key,
                kind: catalogue.text("admin_connector_kind_\(connector.kind.rawValue)"),
                enabled: catalogue.text(connector.enabled ? "admin_connector_enabled" : "admin_connector_disabled"),
                enabledKind: connector.enabled ? "good" : "muted",
                circuit: AdminCircuit(connector.circuit, viewer: viewer, now: now),
                events: connector.events.isEmpty
                    ? catalogue.text("admin_connector_rules_only") : connector.events.joined(separator: ", "),
                href: AdminPaths.connector(connector.id))
        }
        isEmpty = connectors.isEmpty
    }
}

/// `/admin/connectors/{id}`: one connector (secrets by name only) and its delivery log, newest
/// first, a page at a time, optionally only the failed deliveries, which can be replayed.
struct AdminConnectorPage {
    struct Setting {
        let name: String
        let value: String
    }

    struct Delivery {
        let created: String
        let createdISO: String
        let eventType: String
        let status: String
        let statusKey: String
        let attempts: String
        let latency: String
        let response: String
        let error: String
        let nextAttempt: String?
        let replayAction: String?
    }

    /// The log's filters: every delivery, or the failed ones (failed or quarantined).
    enum Filter: String {
        case all
        case failed

        var statuses: [ConnectorDeliveryStatus] { self == .failed ? [.failed, .quarantined] : [] }
    }

    let nav: AdminNav
    let heading: String
    let key: String
    let kind: String
    let enabled: String
    let circuit: AdminCircuit
    let events: String
    let settings: [Setting]
    let secrets: [Setting]
    let hasSecrets: Bool
    let canTest: Bool
    let testAction: String
    let deliveries: [Delivery]
    let isEmpty: Bool
    let allHref: String
    let failedHref: String
    let showsFailed: Bool
    let nextHref: String?
    let firstHref: String?
    let formError: String?

    init(
        connector: Connector, deliveries: [ConnectorDelivery], filter: Filter, next: String?, isFirstPage: Bool,
        viewer: WebViewer, now: Date, error: AdminFormErrors = .none
    ) {
        let catalogue = viewer.catalogue
        let path = AdminPaths.connector(connector.id)
        nav = AdminNav(viewer, current: .connectors)
        heading = connector.name
        key = connector.key
        kind = catalogue.text("admin_connector_kind_\(connector.kind.rawValue)")
        enabled = catalogue.text(connector.enabled ? "admin_connector_enabled" : "admin_connector_disabled")
        circuit = AdminCircuit(connector.circuit, viewer: viewer, now: now)
        events =
            connector.events.isEmpty
            ? catalogue.text("admin_connector_rules_only") : connector.events.joined(separator: ", ")
        settings = connector.settings.sorted { $0.key < $1.key }.map {
            Setting(name: $0.key, value: Self.text($0.value))
        }
        // Secrets are write-only: the page says which are set, as the API does, never their values.
        secrets = connector.secretNames.sorted().map {
            Setting(name: $0, value: catalogue.text("admin_connector_secret_set"))
        }
        hasSecrets = !secrets.isEmpty
        canTest = connector.kind.isOutbound
        testAction = "\(path)/test"
        self.deliveries = deliveries.map { delivery in
            let replayable = delivery.status == .failed || delivery.status == .quarantined
            return Delivery(
                created: viewer.dates.text(delivery.createdAt), createdISO: viewer.dates.iso(delivery.createdAt),
                eventType: delivery.eventType, status: catalogue.text("admin_delivery_\(delivery.status.rawValue)"),
                statusKey: delivery.status.rawValue, attempts: String(delivery.attempts),
                latency: delivery.latencyMilliseconds.map { "\($0) ms" } ?? catalogue.text("admin_none"),
                response: delivery.responseStatus.map(String.init) ?? catalogue.text("admin_none"),
                error: delivery.lastError ?? "", nextAttempt: delivery.nextAttemptAt.map(viewer.dates.text),
                replayAction: replayable ? "\(path)/deliveries/\(delivery.id)/replay" : nil)
        }
        isEmpty = deliveries.isEmpty
        allHref = path
        failedHref = "\(path)?status=failed"
        showsFailed = filter == .failed
        nextHref = next.map { "\(path)?\(filter == .failed ? "status=failed&" : "")cursor=\($0)" }
        firstHref = isFirstPage ? nil : (filter == .failed ? failedHref : path)
        formError = error.form
    }

    /// A setting's value as JSON text (strings without quotes).
    static func text(_ value: JSONValue) -> String {
        if let string = value.stringValue { return string }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
