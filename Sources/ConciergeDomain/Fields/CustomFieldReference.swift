import Foundation

/// A record that a custom field value points at, which the caller must prove exists (in the
/// same tenant) before storing the value.
public struct CustomFieldReference: Sendable, Equatable, Hashable {
    /// What kind of record is referenced.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A customer record (``CustomFieldType/customerReference``).
        case customer
        /// An asset record (``CustomFieldType/assetReference``).
        case asset
    }

    /// Key of the field holding the reference.
    public var fieldKey: String
    /// What kind of record is referenced.
    public var kind: Kind
    /// The referenced record's id.
    public var id: UUID

    /// Creates a reference.
    public init(fieldKey: String, kind: Kind, id: UUID) {
        self.fieldKey = fieldKey
        self.kind = kind
        self.id = id
    }

    /// The error to report when the record does not exist: `custom_fields.<key>`, code
    /// `not_found`.
    public var notFoundError: ValidationError {
        ValidationError(
            field: "custom_fields.\(fieldKey)", code: "not_found",
            message: "no \(kind.rawValue) with id \(id.uuidString.lowercased())")
    }
}
