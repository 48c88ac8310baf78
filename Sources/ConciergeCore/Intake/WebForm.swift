import ConciergeDomain
import Foundation

/// A web form as its public page shows it.
public struct WebForm: Sendable {
    public var tenantName: String
    public var locale: Tenant.Locale
    public var title: String?
    public var intro: String?
    public var allowsAttachments: Bool
    /// The asset a valid QR link names (`nil` without one, or when no asset has the serial).
    public var asset: Asset?
    var groupID: GroupID?
    var tags: [String]

    init(tenant: Tenant, connector: Connector, asset: Asset?) {
        let settings = connector.settings
        tenantName = tenant.name
        locale = tenant.locale
        title = settings["title"]?.stringValue
        intro = settings["intro"]?.stringValue
        if case .bool(let allowed)? = settings["allow_attachments"] {
            allowsAttachments = allowed
        } else {
            allowsAttachments = true
        }
        self.asset = asset
        groupID = settings["group_id"]?.stringValue.flatMap { GroupID($0) }
        if case .array(let items)? = settings["tags"] { tags = items.compactMap(\.stringValue) } else { tags = [] }
    }
}

/// What a customer submits with a web form (JSON; files base64-encoded).
public struct WebFormSubmission: Sendable, Decodable {
    public var name: String?
    public var email: String?
    public var phone: String?
    public var subject: String?
    public var description: String?
    /// The asset serial and its signature, from the QR link.
    public var asset: String?
    public var signature: String?
    public var attachments: [WebFormFile]?

    enum CodingKeys: String, CodingKey {
        case name, email, phone, subject, description, asset, attachments
        case signature = "sig"
    }

    /// A submission from form fields (a browser's post), without files.
    public init(fields: (String) -> String?) {
        name = fields("name")
        email = fields("email")
        phone = fields("phone")
        subject = fields("subject")
        description = fields("description")
        asset = fields("asset")
        signature = fields("sig")
    }
}

/// One file of a submission.
public struct WebFormFile: Sendable, Decodable {
    public var filename: String
    public var contentType: String
    /// The bytes, base64.
    public var data: String

    enum CodingKeys: String, CodingKey {
        case filename, data
        case contentType = "content_type"
    }

    public init(filename: String, contentType: String, data: String) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}
