/// Everything a Salesforce connector needs. Mirrors `integrations/salesforce/preset.yaml`.
public struct SalesforceConfiguration: Sendable {
    /// The org's My Domain URL, e.g. `https://acme.my.salesforce.com` (the client-credentials
    /// flow only works there, not on `login.salesforce.com`).
    public var baseURL: String
    /// The connected app's consumer key.
    public var clientID: String
    /// The connected app's consumer secret.
    public var clientSecret: String
    /// The REST API version, e.g. `v60.0`.
    public var apiVersion: String
    /// What to read per kind.
    public var queries: [CRMRecordKind: CRMObjectQuery]
    /// The sObject a ticket summary becomes: `Case` or `Task`.
    public var ticketObject: String
    /// The sObject's body.
    public var ticketTemplate: JSONTemplate
    /// An external-id field on ``ticketObject`` holding the ticket number; when set, pushes are
    /// upserts (`PATCH …/sobjects/Case/<field>/<number>`) so a repeated push updates instead of duplicating.
    public var ticketExternalIDField: String?

    /// Creates a configuration.
    public init(
        baseURL: String, clientID: String, clientSecret: String, apiVersion: String = "v60.0",
        queries: [CRMRecordKind: CRMObjectQuery] = SalesforceConfiguration.standardQueries,
        ticketObject: String = "Case", ticketTemplate: JSONTemplate = SalesforceConfiguration.standardCaseTemplate,
        ticketExternalIDField: String? = "Concierge_Ticket_Number__c"
    ) {
        self.baseURL = baseURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.apiVersion = apiVersion
        self.queries = queries
        self.ticketObject = ticketObject
        self.ticketTemplate = ticketTemplate
        self.ticketExternalIDField = ticketExternalIDField
    }

    /// Contacts, Accounts and Contracts with the fields Concierge uses.
    public static let standardQueries: [CRMRecordKind: CRMObjectQuery] = [
        .customers: CRMObjectQuery(
            object: "Contact", fields: ["Id", "Name", "Email", "Phone", "AccountId", "LastModifiedDate"],
            updatedField: "LastModifiedDate", timeZone: "UTC", idPath: "$.Id",
            mapping: RecordMapping([
                FieldMapping("name", from: "$.Name", .trim, required: true),
                FieldMapping("email", from: "$.Email", .trim, .lowercase),
                FieldMapping("phone", from: "$.Phone", .trim),
                FieldMapping("organization_external_id", from: "$.AccountId"),
            ])),
        .organizations: CRMObjectQuery(
            object: "Account", fields: ["Id", "Name", "Industry", "Phone", "LastModifiedDate"],
            updatedField: "LastModifiedDate", timeZone: "UTC", idPath: "$.Id",
            mapping: RecordMapping([
                FieldMapping("name", from: "$.Name", .trim, required: true),
                FieldMapping("industry", from: "$.Industry"),
                FieldMapping("phone", from: "$.Phone", .trim),
            ])),
        .contracts: CRMObjectQuery(
            object: "Contract",
            fields: ["Id", "ContractNumber", "AccountId", "Status", "StartDate", "EndDate", "LastModifiedDate"],
            updatedField: "LastModifiedDate", timeZone: "UTC", idPath: "$.Id",
            mapping: RecordMapping([
                FieldMapping("number", from: "$.ContractNumber", required: true),
                FieldMapping("organization_external_id", from: "$.AccountId"),
                FieldMapping(
                    "status", from: "$.Status", .map(["Activated": "active", "Draft": "draft"], fallback: "inactive")),
                FieldMapping("starts_at", from: "$.StartDate", .date(timeZone: "UTC")),
                FieldMapping("ends_at", from: "$.EndDate", .date(timeZone: "UTC")),
            ])),
    ]

    /// A Case with subject, description, contact and account.
    public static let standardCaseTemplate = JSONTemplate(
        #"{"Subject": "[{{ticket.number}}] {{ticket.subject}}", "Description": "{{ticket.summary}}\n{{ticket.url}}", "#
            + #""Status": "New", "Origin": "Concierge", "ContactId": "{{ticket.customer_external_id}}", "#
            + #""AccountId": "{{ticket.organization_external_id}}"}"#)
}
