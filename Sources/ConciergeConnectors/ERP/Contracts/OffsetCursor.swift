/// The cursor of vendors that page by offset or page number (Odoo, Kingdee, Yonyou): the number
/// as decimal text, so it survives being stored and handed to a new connector.
enum OffsetCursor {
    /// The number in `cursor`, `first` when there is no cursor, `nil` when it is not a number ≥ `first`.
    static func parse(_ cursor: String?, first: Int) -> Int? {
        guard let cursor else { return first }
        guard let value = Int(cursor), value >= first else { return nil }
        return value
    }

    /// The failure for a cursor that is not one of ours.
    static func invalid(_ cursor: String?, vendor: String) -> IntegrationFailure {
        .permanent(reason: "\(vendor): the cursor '\(cursor ?? "")' is not a page position this connector made")
    }
}
