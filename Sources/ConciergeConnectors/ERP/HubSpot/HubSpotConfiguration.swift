/// Everything a HubSpot connector needs. Mirrors `integrations/hubspot/preset.yaml`.
public struct HubSpotConfiguration: Sendable {
    /// `https://api.hubapi.com` (EU accounts use the same host).
    public var baseURL: String
    /// The private app's access token (`pat-…`), with the `crm.objects.*.read` and
    /// `tickets` scopes.
    public var accessToken: String
    /// What to read per kind: ``CRMObjectQuery/object`` is the object type (`contacts`,
    /// `companies`, `deals`), ``CRMObjectQuery/filter`` a JSON array of extra search filters.
    public var queries: [CRMRecordKind: CRMObjectQuery]
    /// The object type a ticket summary becomes: `tickets` or `notes`.
    public var ticketObject: String
    /// Its body, `{"properties": {…}}`.
    public var ticketTemplate: JSONTemplate

    /// Creates a configuration.
    public init(
        baseURL: String = "https://api.hubapi.com", accessToken: String,
        queries: [CRMRecordKind: CRMObjectQuery] = HubSpotConfiguration.standardQueries,
        ticketObject: String = "tickets", ticketTemplate: JSONTemplate = HubSpotConfiguration.standardTicketTemplate
    ) {
        self.baseURL = baseURL
        self.accessToken = accessToken
        self.queries = queries
        self.ticketObject = ticketObject
        self.ticketTemplate = ticketTemplate
    }

    /// Contacts, companies and deals with the properties Concierge uses.
    public static let standardQueries: [CRMRecordKind: CRMObjectQuery] = [
        .customers: CRMObjectQuery(
            object: "contacts", fields: ["firstname", "lastname", "email", "phone", "associatedcompanyid"],
            updatedField: "lastmodifieddate", timeZone: "UTC", updatedAtPath: "$.updatedAt", idPath: "$.id",
            mapping: RecordMapping([
                FieldMapping("first_name", from: "$.properties.firstname", .trim),
                FieldMapping("last_name", from: "$.properties.lastname", .trim),
                FieldMapping("email", from: "$.properties.email", .trim, .lowercase),
                FieldMapping("phone", from: "$.properties.phone", .trim),
                FieldMapping("organization_external_id", from: "$.properties.associatedcompanyid", .string),
            ])),
        .organizations: CRMObjectQuery(
            object: "companies", fields: ["name", "domain", "phone", "industry"],
            updatedField: "hs_lastmodifieddate", timeZone: "UTC", updatedAtPath: "$.updatedAt", idPath: "$.id",
            mapping: RecordMapping([
                FieldMapping("name", from: "$.properties.name", .trim, required: true),
                FieldMapping("domain", from: "$.properties.domain", .trim, .lowercase),
                FieldMapping("phone", from: "$.properties.phone", .trim),
                FieldMapping("industry", from: "$.properties.industry"),
            ])),
        .contracts: CRMObjectQuery(
            object: "deals", fields: ["dealname", "dealstage", "amount", "closedate"],
            filter: #"[{"propertyName": "dealstage", "operator": "EQ", "value": "closedwon"}]"#,
            updatedField: "hs_lastmodifieddate", timeZone: "UTC", updatedAtPath: "$.updatedAt", idPath: "$.id",
            mapping: RecordMapping([
                FieldMapping("number", from: "$.properties.dealname", required: true),
                FieldMapping("amount", from: "$.properties.amount", .number),
                FieldMapping("starts_at", from: "$.properties.closedate", .date(timeZone: "UTC")),
            ])),
    ]

    /// A ticket in the default pipeline's first stage.
    public static let standardTicketTemplate = JSONTemplate(
        #"{"properties": {"subject": "[{{ticket.number}}] {{ticket.subject}}", "content": "{{ticket.summary}}", "#
            + #""hs_pipeline": "0", "hs_pipeline_stage": "1", "hs_ticket_priority": "{{ticket.priority}}"}}"#)
}
