/// Everything an Odoo connector needs: the database, the API user, what to sync and how stock
/// leaves for a service ticket. Mirrors `integrations/odoo/preset.yaml`.
public struct OdooConfiguration: Sendable {
    /// E.g. `https://acme.odoo.com`; `/jsonrpc` is appended.
    public var baseURL: String
    /// The database name.
    public var database: String
    /// The API user's login.
    public var login: String
    /// The user's API key (or password); sent with every call, as Odoo's external API requires.
    public var apiKey: String
    /// What to read per kind; a kind without an entry fails permanently as not configured.
    public var queries: [CRMRecordKind: CRMObjectQuery]
    /// The keyword arguments of `message_post` on the customer's `res.partner`, as a template;
    /// `nil` means ticket summaries are not pushed.
    public var ticketNoteTemplate: JSONTemplate?
    /// The outgoing operation type (`stock.picking.type` id) per warehouse code.
    public var pickingTypeByWarehouse: [String: Int]
    /// The warehouse used when an order names none.
    public var defaultWarehouse: String
    /// The stock location parts leave from (`stock.location` id) per warehouse code.
    public var sourceLocationByWarehouse: [String: Int]
    /// Where they go, usually `Partners/Customers` (id 5 in a fresh database).
    public var customerLocationID: Int
    /// The one2many field of the moves on `stock.picking`: `move_ids` (v17+) or
    /// `move_ids_without_package` (up to v16).
    public var moveField: String

    /// Creates a configuration with the standard customer/company queries and no stock setup.
    public init(
        baseURL: String, database: String, login: String, apiKey: String,
        queries: [CRMRecordKind: CRMObjectQuery] = OdooConfiguration.standardQueries,
        ticketNoteTemplate: JSONTemplate? = OdooConfiguration.standardNoteTemplate,
        pickingTypeByWarehouse: [String: Int] = [:], defaultWarehouse: String = "WH",
        sourceLocationByWarehouse: [String: Int] = [:], customerLocationID: Int = 5, moveField: String = "move_ids"
    ) {
        self.baseURL = baseURL
        self.database = database
        self.login = login
        self.apiKey = apiKey
        self.queries = queries
        self.ticketNoteTemplate = ticketNoteTemplate
        self.pickingTypeByWarehouse = pickingTypeByWarehouse
        self.defaultWarehouse = defaultWarehouse
        self.sourceLocationByWarehouse = sourceLocationByWarehouse
        self.customerLocationID = customerLocationID
        self.moveField = moveField
    }

    /// People and companies from `res.partner`, confirmed sale orders as contracts.
    public static let standardQueries: [CRMRecordKind: CRMObjectQuery] = [
        .customers: CRMObjectQuery(
            object: "res.partner", fields: ["id", "name", "email", "phone", "parent_id", "write_date"],
            filter: #"[["is_company", "=", false]]"#, updatedField: "write_date", timeZone: "UTC", idPath: "$.id",
            mapping: RecordMapping([
                FieldMapping("name", from: "$.name", .trim, required: true),
                FieldMapping("email", from: "$.email", .trim, .lowercase),
                FieldMapping("phone", from: "$.phone", .trim),
                FieldMapping("organization_external_id", from: "$.parent_id[0]", .string),
            ])),
        .organizations: CRMObjectQuery(
            object: "res.partner", fields: ["id", "name", "vat", "email", "write_date"],
            filter: #"[["is_company", "=", true]]"#, updatedField: "write_date", timeZone: "UTC", idPath: "$.id",
            mapping: RecordMapping([
                FieldMapping("name", from: "$.name", .trim, required: true),
                FieldMapping("tax_id", from: "$.vat", .trim),
                FieldMapping("email", from: "$.email", .trim, .lowercase),
            ])),
        .contracts: CRMObjectQuery(
            object: "sale.order", fields: ["id", "name", "partner_id", "date_order", "validity_date", "write_date"],
            filter: #"[["state", "=", "sale"]]"#, updatedField: "write_date", timeZone: "UTC", idPath: "$.id",
            mapping: RecordMapping([
                FieldMapping("number", from: "$.name", required: true),
                FieldMapping("organization_external_id", from: "$.partner_id[0]", .string),
                FieldMapping("starts_at", from: "$.date_order", .date(timeZone: "UTC")),
                FieldMapping("ends_at", from: "$.validity_date", .date(timeZone: "UTC")),
            ])),
    ]

    /// A note on the customer: `[T-1] subject` and the summary, with a link.
    public static let standardNoteTemplate = JSONTemplate(
        #"{"body": "<p><b>[{{ticket.number}}] {{ticket.subject}}</b> ({{ticket.status}})</p>"#
            + #"<p>{{ticket.summary}}</p>", "#
            + #""message_type": "comment", "subtype_xmlid": "mail.mt_note"}"#)
}
