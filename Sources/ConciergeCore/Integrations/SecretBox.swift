import ConciergeDomain
import Crypto
import Foundation

/// Seals connector secrets at rest with AES-256-GCM under a key ring from configuration
/// (`CONCIERGE_SECRET_KEYS`): the first key seals, every key opens, so keys can be rotated by
/// adding a new first key and re-sealing (`concierge connectors rotate-secrets`).
///
/// A sealed value is `v1.<key id>.<base64 nonce‖ciphertext‖tag>`. The additional data binds it
/// to its tenant and connector: a sealed value copied to another row does not open.
public struct SecretBox: Sendable {
    /// One named key of the ring.
    public struct Key: Sendable {
        public var id: String
        let key: SymmetricKey

        /// - Parameter material: exactly 32 bytes.
        public init?(id: String, material: [UInt8]) {
            guard material.count == 32, !id.isEmpty,
                id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else { return nil }
            self.id = id
            self.key = SymmetricKey(data: material)
        }
    }

    let keys: [Key]

    /// - Parameter keys: the ring, the sealing key first; empty: nothing can be sealed or opened.
    public init(keys: [Key]) { self.keys = keys }

    /// Parses `id:base64,id:base64,…` (32-byte keys; the first seals).
    /// - Returns: `nil` when an entry is malformed or an id repeats.
    public init?(ring text: String) {
        var keys: [Key] = []
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let data = Data(base64Encoded: parts[1]),
                let key = Key(id: parts[0], material: Array(data)), !keys.contains(where: { $0.id == key.id })
            else { return nil }
            keys.append(key)
        }
        self.keys = keys
    }

    /// The id of the key that seals, if any.
    public var currentKeyID: String? { keys.first?.id }

    /// Seals `secrets` for one connector.
    /// - Throws: `unavailable` (`secret_keys_missing`) when no key is configured.
    public func seal(_ secrets: [String: String], tenant: TenantID, connector: ConnectorID) throws -> (
        sealed: String, keyID: String
    ) {
        guard let key = keys.first else { throw Self.missingKeys }
        let plaintext = try JSONEncoder.sorted.encode(secrets)
        let box = try AES.GCM.seal(plaintext, using: key.key, authenticating: Self.context(tenant, connector))
        guard let combined = box.combined else { throw Self.corrupt }
        return ("v1.\(key.id).\(combined.base64EncodedString())", key.id)
    }

    /// Opens what ``seal(_:tenant:connector:)`` made for the same tenant and connector.
    /// - Throws: `unavailable` when the key is not in the ring or the value does not open.
    public func open(_ sealed: String, tenant: TenantID, connector: ConnectorID) throws -> [String: String] {
        let parts = sealed.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "v1", let data = Data(base64Encoded: parts[2]) else { throw Self.corrupt }
        guard let key = keys.first(where: { $0.id == parts[1] }) else {
            throw AppError(
                .unavailable, code: "secret_key_missing",
                message:
                    "the connector's secrets are sealed with key \(parts[1]), which CONCIERGE_SECRET_KEYS no longer holds"
            )
        }
        do {
            let box = try AES.GCM.SealedBox(combined: data)
            let plaintext = try AES.GCM.open(box, using: key.key, authenticating: Self.context(tenant, connector))
            return try JSONDecoder().decode([String: String].self, from: plaintext)
        } catch {
            throw Self.corrupt
        }
    }

    static func context(_ tenant: TenantID, _ connector: ConnectorID) -> Data {
        Data("concierge.connector.v1|\(tenant)|\(connector)".utf8)
    }

    public static let missingKeys = AppError(
        .unavailable, code: "secret_keys_missing",
        message: "connector secrets cannot be stored: CONCIERGE_SECRET_KEYS is not set")
    static let corrupt = AppError(
        .unavailable, code: "secret_unreadable", message: "the connector's sealed secrets do not open")
}

extension JSONEncoder {
    /// Sorted keys: the same secrets always encode to the same bytes.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
