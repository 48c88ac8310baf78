import ConciergeCore
import ConciergeDomain
import Foundation
import Yams

extension TenantFolder {
    static let connectorKeys: Set<String> = [
        "key", "kind", "name", "enabled", "settings", "secrets", "events", "rate_limit_per_minute",
    ]

    /// A secret as `connectors.yaml` gives it: the name of an environment variable of the
    /// process applying the folder, so that no secret is ever written into the folder.
    struct SecretReference: Decodable {
        var env: String
    }

    struct SecretReferences: Decodable {
        var secrets: [String: SecretReference]?
    }

    /// Reads `connectors:` (webhooks, robots, SMS gateways, mailboxes: the API's shapes, in
    /// YAML), resolving each secret from `environment` and validating each connector as the
    /// API would. - Throws: ``TenantConfigError`` naming the file, line and field.
    static func readConnectors(_ root: YAMLValue, environment: [String: String]) throws -> [ConnectorDraft] {
        guard let list = try root.mapping(allowed: ["connectors"])["connectors"] else { return [] }
        var seen: Set<String> = []
        return try list.sequence().map { item in
            let entries = try item.mapping(allowed: connectorKeys)
            if let key = entries["key"] {
                guard seen.insert(try key.string()).inserted else { throw key.error("appears twice") }
            }
            var draft = try decode(ConnectorDraft.self, from: withoutSecrets(item), item: item)
            if let references = try decode(SecretReferences.self, from: item.node, item: item).secrets {
                var values: [String: String?] = [:]
                for (name, reference) in references {
                    guard let value = environment[reference.env], !value.isEmpty else {
                        let node = entries["secrets"].flatMap { YAMLDocuments.node(at: name, in: $0) } ?? item
                        throw TenantConfigError(
                            file: item.file, line: node.line, field: "\(item.path).secrets.\(name)",
                            message: "names the environment variable \(reference.env), which is not set")
                    }
                    values[name] = value
                }
                draft.secrets = values
            }
            let probe = draft
            _ = try YAMLDocuments.validating(item) {
                try probe.connector(updating: nil, existingSecrets: [:], tenant: TenantID(), at: Date())
            }
            return draft
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, from node: Node, item: YAMLValue) throws -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: try Yams.serialize(node: node))
        } catch let error as DecodingError {
            throw YAMLDocuments.locate(error, in: item)
        }
    }

    private static func withoutSecrets(_ item: YAMLValue) -> Node {
        guard case .mapping(var mapping) = item.node else { return item.node }
        mapping[Node("secrets")] = nil
        return .mapping(mapping)
    }
}
