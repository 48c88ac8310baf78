/// The field mappings for one kind of record (a preset's `customers:` section, say): turns one
/// vendor record into the flat dictionary Concierge stores.
public struct RecordMapping: Sendable, Equatable {
    /// The entries, applied independently of each other.
    public var fields: [FieldMapping]

    /// Creates a mapping from its entries.
    public init(_ fields: [FieldMapping]) {
        self.fields = fields
    }

    /// Every entry applied to `record` (`JSONSerialization` output); fields without a value are absent.
    ///
    /// - Throws: The first entry's ``FieldMappingError``.
    public func map(_ record: Any) throws(FieldMappingError) -> [String: FieldValue] {
        var result: [String: FieldValue] = [:]
        for field in fields {
            if let value = try field.value(in: record) { result[field.target] = value }
        }
        return result
    }
}
