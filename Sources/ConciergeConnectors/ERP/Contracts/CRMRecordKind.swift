/// Which Concierge entity a CRM page holds.
public enum CRMRecordKind: String, Sendable, Hashable, CaseIterable {
    /// People who contact support (Salesforce Contact, HubSpot contact, Odoo person partner,
    /// Kingdee/Yonyou customer).
    case customers
    /// Companies the customers belong to (Account, company, `is_company` partner).
    case organizations
    /// Service contracts or agreements that decide entitlements (Contract, deal, sale order).
    case contracts
}
