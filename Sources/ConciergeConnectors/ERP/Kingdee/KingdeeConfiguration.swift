/// Everything a Kingdee 金蝶云星空 (K/3 Cloud) WebAPI connector needs. Mirrors
/// `integrations/kingdee/preset.yaml`.
public struct KingdeeConfiguration: Sendable {
    /// Which `STK_Inventory` field keys hold what (they differ between versions and customisations).
    public struct InventoryFields: Sendable, Equatable {
        /// The material number, default `FMaterialId.FNumber`.
        public var partNumber = "FMaterialId.FNumber"
        /// The warehouse number, default `FStockId.FNumber`.
        public var warehouse = "FStockId.FNumber"
        /// On hand in the base unit, default `FBaseQty`.
        public var onHand = "FBaseQty"
        /// Locked (reserved) in the base unit, default `FBaseLockQty`.
        public var reserved = "FBaseLockQty"
        /// The base unit's number, default `FBaseUnitId.FNumber`.
        public var unit = "FBaseUnitId.FNumber"

        /// The defaults.
        public init() {}
    }

    /// The site, e.g. `https://erp.example.com/k3cloud`; the service paths are appended.
    public var baseURL: String
    /// The data centre (账套) id, `acctID` of the login.
    public var accountSetID: String
    /// The integration user.
    public var username: String
    /// The user's password.
    public var password: String
    /// The login language: 2052 for simplified Chinese.
    public var languageID: Int
    /// What to read per kind.
    public var queries: [CRMRecordKind: CRMObjectQuery]
    /// Field keys of the stock query.
    public var inventoryFields: InventoryFields
    /// The issue document's FormId: `STK_MisDelivery` (其他出库单) or `SAL_OUTSTOCK` (销售出库单).
    public var issueFormID: String
    /// The issue document's body.
    public var issueTemplate: IssueOrderTemplate
    /// The header field that holds ``IssueOrderRequest/reference`` and is searched before saving.
    public var referenceField: String
    /// The warehouse (仓库) number used when an order names none.
    public var defaultWarehouse: String
    /// A form that ticket summaries are saved to, with its `Model` template; `nil`: not pushed.
    public var ticketSummaryForm: (formID: String, model: JSONTemplate)?

    /// Creates a configuration.
    public init(
        baseURL: String, accountSetID: String, username: String, password: String, languageID: Int = 2052,
        queries: [CRMRecordKind: CRMObjectQuery] = KingdeeConfiguration.standardQueries,
        inventoryFields: InventoryFields = InventoryFields(), issueFormID: String = "STK_MisDelivery",
        issueTemplate: IssueOrderTemplate = KingdeeConfiguration.standardIssueTemplate(stockOrganization: "100"),
        referenceField: String = "FNote", defaultWarehouse: String = "CK001",
        ticketSummaryForm: (formID: String, model: JSONTemplate)? = nil
    ) {
        self.baseURL = baseURL
        self.accountSetID = accountSetID
        self.username = username
        self.password = password
        self.languageID = languageID
        self.queries = queries
        self.inventoryFields = inventoryFields
        self.issueFormID = issueFormID
        self.issueTemplate = issueTemplate
        self.referenceField = referenceField
        self.defaultWarehouse = defaultWarehouse
        self.ticketSummaryForm = ticketSummaryForm
    }

    /// Customers (`BD_Customer`) as organizations and their contacts (`BD_CommonContact`) as customers.
    public static let standardQueries: [CRMRecordKind: CRMObjectQuery] = [
        .organizations: CRMObjectQuery(
            object: "BD_Customer", fields: ["FCUSTID", "FNumber", "FName", "FShortName", "FTEL", "FModifyDate"],
            filter: "FForbidStatus = 'A'", updatedField: "FModifyDate", idPath: "$.FNumber",
            mapping: RecordMapping([
                FieldMapping("name", from: "$.FName", .trim, required: true),
                FieldMapping("short_name", from: "$.FShortName", .trim),
                FieldMapping("phone", from: "$.FTEL", .trim),
                FieldMapping("internal_id", from: "$.FCUSTID", .string),
            ])),
        .customers: CRMObjectQuery(
            object: "BD_CommonContact",
            fields: ["FNumber", "FName", "FMobile", "FEmail", "FCompany.FNumber", "FModifyDate"],
            updatedField: "FModifyDate", idPath: "$.FNumber",
            mapping: RecordMapping([
                FieldMapping("name", from: "$.FName", .trim, required: true),
                FieldMapping("phone", from: "$.FMobile", .trim),
                FieldMapping("email", from: "$.FEmail", .trim, .lowercase),
                FieldMapping("organization_external_id", from: "$['FCompany.FNumber']", .string),
            ])),
    ]

    /// A 其他出库单 (`STK_MisDelivery`) for the given stock organization number.
    public static func standardIssueTemplate(stockOrganization: String) -> IssueOrderTemplate {
        IssueOrderTemplate(
            header: JSONTemplate(
                #"{"FBillTypeID": {"FNUMBER": "QTCKD01_SYS"}, "FStockOrgId": {"FNumber": "\#(stockOrganization)"}, "#
                    + #""FOwnerTypeIdHead": "BD_OwnerOrg", "FCustId": {"FNumber": "{{order.customer_external_id}}"}, "#
                    + #""FDate": "{{order.date}}", "FNote": "{{order.reference}}"}"#),
            line: JSONTemplate(
                #"{"FMaterialId": {"FNumber": "{{line.part_number}}"}, "FQty": "{{line.quantity}}", "#
                    + #""FStockId": {"FNumber": "{{order.warehouse}}"}, "FStockStatusId": {"FNumber": "KCZT01_SYS"}, "#
                    + #""FEntryNote": "{{order.ticket_number}}"}"#),
            linesField: "FEntity")
    }
}
