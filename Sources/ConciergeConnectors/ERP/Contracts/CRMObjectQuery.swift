/// What to read for one ``CRMRecordKind`` from one vendor, and how to map it: a preset's
/// `customers:` / `organizations:` / `contracts:` section.
///
/// The meaning of ``object`` and ``filter`` is the vendor's: a Salesforce sObject and a SOQL
/// condition, a HubSpot object type and a property filter, an Odoo model and a domain (JSON),
/// a Kingdee FormId and a FilterString, a Yonyou list path and `simpleVOs` (JSON).
public struct CRMObjectQuery: Sendable, Equatable {
    /// The vendor object to read.
    public var object: String
    /// The vendor fields to request (also what ``mapping`` may read).
    public var fields: [String]
    /// An extra condition in the vendor's syntax, e.g. `IsActive = true`; `nil` for none.
    public var filter: String?
    /// The vendor field holding the last change time, compared with `updatedSince` and ordered by.
    public var updatedField: String
    /// The time zone of ``updatedField`` values without an offset (Odoo: UTC, Kingdee: the server's).
    public var timeZone: String
    /// Where the change time is in a record; default `$['<updatedField>']` (HubSpot: `$.updatedAt`).
    public var updatedAtPath: String
    /// The path of the record's id in the (row-shaped) record, e.g. `$.Id`, `$.id`, `$.FNumber`.
    public var idPath: String
    /// The Concierge fields.
    public var mapping: RecordMapping

    /// Creates a query.
    public init(
        object: String, fields: [String], filter: String? = nil, updatedField: String,
        timeZone: String = "Asia/Shanghai", updatedAtPath: String? = nil, idPath: String, mapping: RecordMapping
    ) {
        self.object = object
        self.fields = fields
        self.filter = filter
        self.updatedField = updatedField
        self.timeZone = timeZone
        self.updatedAtPath = updatedAtPath ?? "$['\(updatedField)']"
        self.idPath = idPath
        self.mapping = mapping
    }

    /// `rows` (one JSON object per record) mapped to records.
    ///
    /// - Throws: The first ``FieldMappingError``.
    func records(from rows: [Any]) throws(FieldMappingError) -> [CRMRecord] {
        let id = FieldMapping("external_id", from: idPath, required: true)
        let updated = FieldMapping("updated_at", from: updatedAtPath, .date(timeZone: timeZone))
        var records: [CRMRecord] = []
        for row in rows {
            records.append(try CRMRecord.mapped(row, id: id, updatedAt: updated, mapping: mapping))
        }
        return records
    }
}
