import ConciergeDomain
import Foundation

/// A tenant's portal as its home page shows it: the tenant, the web forms customers submit
/// requests with, and the mailboxes they may write to instead.
public struct PortalSite: Sendable {
    public var tenant: Tenant
    public var forms: [PortalForm]
    /// Addresses of the tenant's enabled mailboxes.
    public var mailboxes: [String]
}

/// One enabled `web_form` connector, offered on the portal's home page.
public struct PortalForm: Sendable, Equatable {
    public var key: String
    /// The connector's name (what agents call it).
    public var name: String
    /// The form's own title and introduction, when its settings give them.
    public var title: String?
    public var intro: String?
}
