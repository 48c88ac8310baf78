import Foundation

/// How an ``IssueOrderRequest`` becomes an ERP document body: a header template, a line template
/// rendered once per line, and the header field the rendered lines go into.
///
/// Header values: `order.reference` (``IssueOrderRequest/reference``), `order.ticket_number`,
/// `order.idempotency_key`, `order.customer_external_id`, `order.warehouse`, `order.date`
/// (`yyyy-MM-dd` in the template's time zone). Line values: the header's plus `line.part_number`,
/// `line.quantity` and `line.index` (from 1).
public struct IssueOrderTemplate: Sendable, Equatable {
    /// The document without its lines.
    public var header: JSONTemplate
    /// One line.
    public var line: JSONTemplate
    /// The header member that receives the array of lines, e.g. `FEntity` or `othOutRecords`.
    public var linesField: String
    /// The zone of `order.date`.
    public var timeZone: String

    /// Creates a template.
    public init(header: JSONTemplate, line: JSONTemplate, linesField: String, timeZone: String = "Asia/Shanghai") {
        self.header = header
        self.line = line
        self.linesField = linesField
        self.timeZone = timeZone
    }

    /// The document for `order` issued from `warehouse` on `date`.
    ///
    /// - Throws: ``FieldMappingError`` naming the template location.
    public func render(_ order: IssueOrderRequest, warehouse: String, date: Date) throws(FieldMappingError)
        -> [String: Any]
    {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd"
        let values: [String: FieldValue] = [
            "order.reference": .string(order.reference), "order.ticket_number": .string(order.ticketNumber),
            "order.idempotency_key": .string(order.idempotencyKey),
            "order.customer_external_id": .string(order.customerExternalID), "order.warehouse": .string(warehouse),
            "order.date": .string(formatter.string(from: date)),
        ]
        var document = try header.render(values)
        var lines: [Any] = []
        for (index, entry) in order.lines.enumerated() {
            var lineValues = values
            lineValues["line.part_number"] = .string(entry.partNumber)
            lineValues["line.quantity"] = .number(entry.quantity)
            lineValues["line.index"] = .number(Double(index + 1))
            lines.append(try line.render(lineValues))
        }
        document[linesField] = lines
        return document
    }
}
