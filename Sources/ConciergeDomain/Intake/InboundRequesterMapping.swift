/// Who the ticket is from: an email and/or phone number and a name taken from the payload,
/// with a fixed fallback email (`alerts@example.com`) for systems that send no person at all.
public struct InboundRequesterMapping: Sendable, Equatable, Codable {
    /// The requester's email address; an invalid address falls back to ``fallbackEmail``.
    public var email: InboundValueSource?
    /// The requester's phone number, used as given.
    public var phone: InboundValueSource?
    /// The requester's display name.
    public var name: InboundValueSource?
    /// The email used when the payload yields no valid address (JSON key `fallback_email`).
    public var fallbackEmail: String?

    /// Creates a requester mapping.
    public init(
        email: InboundValueSource? = nil, phone: InboundValueSource? = nil, name: InboundValueSource? = nil,
        fallbackEmail: String? = nil
    ) {
        self.email = email
        self.phone = phone
        self.name = name
        self.fallbackEmail = fallbackEmail
    }

    enum CodingKeys: String, CodingKey {
        case email, phone, name
        case fallbackEmail = "fallback_email"
    }

    /// Checks the sources and the fallback address, and that some way to name a requester exists.
    /// - Throws: ``ValidationError`` under `field` (`mapping.requester.fallback_email`).
    public func validate(field: String) throws(ValidationError) {
        guard email != nil || phone != nil || fallbackEmail != nil else {
            throw ValidationError(
                field: field, code: "required", message: "needs an email, a phone or a fallback_email")
        }
        try email?.validate(field: "\(field).email")
        try phone?.validate(field: "\(field).phone")
        try name?.validate(field: "\(field).name")
        if let fallbackEmail { _ = try Validate.email(fallbackEmail, field: "\(field).fallback_email") }
    }
}
