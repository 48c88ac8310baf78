import Foundation

/// An end customer (终端客户): a ticket's requester, recognised across channels by email or phone.
public struct Customer: Sendable, Equatable {
    public var id: CustomerID
    public var tenantID: TenantID
    public var name: String
    /// Lowercased; each belongs to one customer of the tenant.
    public var emails: [String]
    /// Normalised digits with an optional leading `+`; each belongs to one customer.
    public var phones: [String]
    /// Ids in other systems (`{"crm": "C-1042"}`).
    public var externalIDs: [String: String]
    /// Service tier such as `standard` or `vip` (a key).
    public var tier: String
    public var tags: [String]
    public var locale: Tenant.Locale?
    public var organizationID: OrganizationID?
    public var attributes: [String: JSONValue]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: CustomerID, tenantID: TenantID, name: String, emails: [String], phones: [String] = [],
        externalIDs: [String: String] = [:], tier: String = "standard", tags: [String] = [],
        locale: Tenant.Locale? = nil,
        organizationID: OrganizationID? = nil, attributes: [String: JSONValue] = [:], createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.emails = emails
        self.phones = phones
        self.externalIDs = externalIDs
        self.tier = tier
        self.tags = tags
        self.locale = locale
        self.organizationID = organizationID
        self.attributes = attributes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Normalises a phone number for matching: digits only (full-width digits converted),
    /// keeping one leading `+`; 5–20 digits.
    public static func normalizedPhone(_ text: String, field: String = "phone") throws(ValidationError) -> String {
        // Full-width digits (common with Chinese input methods) count as ASCII ones.
        let trimmed = String(
            String.UnicodeScalarView(
                text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars.map { scalar in
                    (0xFF10...0xFF19).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFF10 + 0x30)! : scalar
                }))
        let digits = trimmed.filter(\.isASCII).filter(\.isNumber)
        let allowed = trimmed.allSatisfy { $0.isNumber || " -()+.".contains($0) }
        guard allowed, (5...20).contains(digits.count) else {
            throw ValidationError(field: field, code: "invalid_phone", message: "is not a phone number")
        }
        return (trimmed.hasPrefix("+") ? "+" : "") + digits
    }

    /// The domain part of an email (for organization auto-association).
    public static func domain(ofEmail email: String) -> String? {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return parts[1].lowercased()
    }
}
