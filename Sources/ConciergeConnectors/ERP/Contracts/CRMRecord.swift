import Foundation

/// One record from a CRM or ERP, mapped to Concierge fields.
public struct CRMRecord: Sendable, Equatable {
    /// The vendor's id for the record, as text (`001…` in Salesforce, `42` in Odoo, `C0001` in Kingdee).
    public var externalID: String
    /// When the vendor last changed it; the next sync's `updatedSince` comes from the largest.
    public var updatedAt: Date?
    /// The preset's mapped fields.
    public var fields: [String: FieldValue]
    /// The vendor's record as JSON text, kept for audit and for re-mapping after a preset change.
    public var rawJSON: String

    /// Creates a record.
    public init(externalID: String, updatedAt: Date?, fields: [String: FieldValue], rawJSON: String) {
        self.externalID = externalID
        self.updatedAt = updatedAt
        self.fields = fields
        self.rawJSON = rawJSON
    }

    /// Maps `raw` with `mapping`, reading the id and the change time with the given entries.
    ///
    /// - Throws: ``FieldMappingError`` from the mapping, or when the id is missing.
    static func mapped(
        _ raw: Any, id: FieldMapping, updatedAt: FieldMapping, mapping: RecordMapping
    ) throws(FieldMappingError) -> CRMRecord {
        guard let identifier = try id.value(in: raw) else {
            throw FieldMappingError(entry: id.target, problem: "no value at \(id.source)")
        }
        var changed: Date?
        if case .date(let date) = try updatedAt.value(in: raw) { changed = date }
        let text =
            JSONSerialization.isValidJSONObject(raw)
            ? (try? JSONSerialization.data(withJSONObject: raw, options: [.sortedKeys])).map {
                String(decoding: $0, as: UTF8.self)
            } : nil
        return CRMRecord(
            externalID: identifier.description, updatedAt: changed, fields: try mapping.map(raw),
            rawJSON: text ?? "null")
    }
}
