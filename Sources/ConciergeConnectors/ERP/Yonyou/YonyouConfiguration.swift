/// Everything a Yonyou 用友 YonBIP / YonSuite open-API connector needs. Mirrors
/// `integrations/yonyou/preset.yaml`; paths and field names vary between editions and are all
/// configurable.
public struct YonyouConfiguration: Sendable {
    /// Where the current-stock answer keeps what (JSON paths into one row of `data`).
    public struct InventoryFields: Sendable, Equatable {
        /// The request member listing part codes, default `product`.
        public var requestParts = "product"
        /// The request member naming the warehouse, default `warehouse`.
        public var requestWarehouse = "warehouse"
        /// The part code, default `$.product_code`.
        public var partNumber = "$.product_code"
        /// The warehouse code, default `$.warehouse_code`.
        public var warehouse = "$.warehouse_code"
        /// On hand, default `$.currentqty`.
        public var onHand = "$.currentqty"
        /// Available, default `$.availableqty`; reserved is on hand minus available.
        public var available = "$.availableqty"
        /// The unit's name, default `$.unitName`.
        public var unit = "$.unitName"

        /// The defaults.
        public init() {}
    }

    /// The API gateway, e.g. `https://c2.yonyoucloud.com/iuap-api-gateway`.
    public var baseURL: String
    /// The token endpoint, e.g. `https://c2.yonyoucloud.com/iuap-api-auth/open-auth/selfAppAuth/getAccessToken`.
    public var tokenURL: String
    /// The self-built app's key.
    public var appKey: String
    /// The app's secret; only used to sign, never sent.
    public var appSecret: String
    /// What to read per kind: ``CRMObjectQuery/object`` is the list path, ``CRMObjectQuery/filter``
    /// a JSON array of extra `simpleVOs`.
    public var queries: [CRMRecordKind: CRMObjectQuery]
    /// The current-stock query path.
    public var inventoryPath: String
    /// Its fields.
    public var inventoryFields: InventoryFields
    /// The other-out (其他出库单) save path.
    public var issuePath: String
    /// The other-out document.
    public var issueTemplate: IssueOrderTemplate
    /// The warehouse code used when an order names none.
    public var defaultWarehouse: String
    /// A save path and body template for ticket summaries; `nil`: not pushed.
    public var ticketSummary: (path: String, body: JSONTemplate)?
    /// Business `code`s meaning "too many requests", retryable like HTTP 429. Messages mentioning
    /// 限流 or 频繁 count too; add the codes your gateway documents.
    public var throttlingCodes: Set<String>
    /// Business `code`s meaning "the access token is invalid or expired": a new token is fetched
    /// once. Messages naming the token as 过期/失效/无效/非法 count too.
    public var tokenExpiredCodes: Set<String>

    /// Creates a configuration.
    public init(
        baseURL: String, tokenURL: String, appKey: String, appSecret: String,
        queries: [CRMRecordKind: CRMObjectQuery] = YonyouConfiguration.standardQueries,
        inventoryPath: String = "/yonbip/scm/stock/QueryCurrentStocksByCondition",
        inventoryFields: InventoryFields = InventoryFields(),
        issuePath: String = "/yonbip/scm/othoutrecord/single/save",
        issueTemplate: IssueOrderTemplate = YonyouConfiguration.standardIssueTemplate(organization: "101"),
        defaultWarehouse: String = "W001", ticketSummary: (path: String, body: JSONTemplate)? = nil,
        throttlingCodes: Set<String> = [], tokenExpiredCodes: Set<String> = []
    ) {
        self.baseURL = baseURL
        self.tokenURL = tokenURL
        self.appKey = appKey
        self.appSecret = appSecret
        self.queries = queries
        self.inventoryPath = inventoryPath
        self.inventoryFields = inventoryFields
        self.issuePath = issuePath
        self.issueTemplate = issueTemplate
        self.defaultWarehouse = defaultWarehouse
        self.ticketSummary = ticketSummary
        self.throttlingCodes = throttlingCodes
        self.tokenExpiredCodes = tokenExpiredCodes
    }

    /// Customers (客户档案, merchants) as organizations.
    public static let standardQueries: [CRMRecordKind: CRMObjectQuery] = [
        .organizations: CRMObjectQuery(
            object: "/yonbip/digitalModel/merchant/list", fields: ["id", "code", "name", "pubts"],
            updatedField: "pubts", idPath: "$.code",
            mapping: RecordMapping([
                FieldMapping("name", from: "$.name", .trim, required: true),
                FieldMapping("internal_id", from: "$.id", .string),
                FieldMapping("tax_id", from: "$.creditCode", .trim),
            ]))
    ]

    /// An other-out document for the given stock organization code.
    public static func standardIssueTemplate(organization: String) -> IssueOrderTemplate {
        IssueOrderTemplate(
            header: JSONTemplate(
                #"{"org": "\#(organization)", "accountOrg": "\#(organization)", "vouchdate": "{{order.date}}", "#
                    + #""bustype": "A10001", "warehouse": "{{order.warehouse}}", "#
                    + #""cust": "{{order.customer_external_id}}", "#
                    + #""memo": "{{order.reference}}", "_status": "Insert"}"#),
            line: JSONTemplate(
                #"{"product": "{{line.part_number}}", "qty": "{{line.quantity}}", "_status": "Insert"}"#),
            linesField: "othOutRecords")
    }
}
