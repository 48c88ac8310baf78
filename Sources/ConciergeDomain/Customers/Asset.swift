import Foundation

/// A device or piece of installed equipment (设备) that tickets are about, recognised by its
/// serial number (printed on a QR code on the machine).
public struct Asset: Sendable, Equatable {
    public var id: AssetID
    public var tenantID: TenantID
    /// Trimmed, 1–100 characters, unique within the tenant.
    public var serialNumber: String
    public var model: String
    /// The organization that owns the asset.
    public var organizationID: OrganizationID?
    /// The customer who uses it.
    public var customerID: CustomerID?
    /// Sales or service region (`华东`, `north`).
    public var region: String
    /// Calendar dates written `YYYY-MM-DD`, without a time zone: the day printed on the
    /// installation report and the warranty card.
    public var installedOn: String?
    public var warrantyEndsOn: String?
    public var attributes: [String: JSONValue]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: AssetID, tenantID: TenantID, serialNumber: String, model: String = "",
        organizationID: OrganizationID? = nil,
        customerID: CustomerID? = nil, region: String = "", installedOn: String? = nil, warrantyEndsOn: String? = nil,
        attributes: [String: JSONValue] = [:], createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.serialNumber = serialNumber
        self.model = model
        self.organizationID = organizationID
        self.customerID = customerID
        self.region = region
        self.installedOn = installedOn
        self.warrantyEndsOn = warrantyEndsOn
        self.attributes = attributes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether the warranty still covers the asset on the calendar day that `date` falls on in
    /// `timeZone` (the tenant's); the end date itself is covered. No end date: not covered.
    public func isUnderWarranty(on date: Date, in timeZone: TimeZone) -> Bool {
        guard let warrantyEndsOn, let end = CalendarDate(warrantyEndsOn) else { return false }
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        let day = Int((seconds / 86_400).rounded(.down))
        return day <= end.daysSinceEpoch
    }

    /// This asset with every field normalised and checked.
    /// - Throws: ``ValidationError`` naming the field (`serial_number`, `model`, `region`,
    ///   `installed_on`, `warranty_ends_on`, `attributes.key`).
    public func validated() throws(ValidationError) -> Asset {
        var result = self
        result.serialNumber = try Validate.displayName(serialNumber, field: "serial_number", maxLength: 100)
        result.model = try Self.optionalText(model, field: "model", maxLength: 200)
        result.region = try Self.optionalText(region, field: "region", maxLength: 100)
        let installed = try installedOn.map { text throws(ValidationError) in try Self.date(text, field: "installed_on")
        }
        let warrantyEnd = try warrantyEndsOn.map { text throws(ValidationError) in
            try Self.date(text, field: "warranty_ends_on")
        }
        if let installed, let warrantyEnd, warrantyEnd.daysSinceEpoch < installed.daysSinceEpoch {
            throw ValidationError(
                field: "warranty_ends_on", code: "before_installation", message: "must not be before installed_on")
        }
        result.installedOn = installed?.description
        result.warrantyEndsOn = warrantyEnd?.description
        result.attributes = try Validate.attributes(attributes)
        return result
    }

    static func date(_ text: String, field: String) throws(ValidationError) -> CalendarDate {
        guard let date = CalendarDate(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError(field: field, code: "invalid_date", message: "must be a date written YYYY-MM-DD")
        }
        return date
    }

    /// Trimmed text that may be empty.
    static func optionalText(_ text: String, field: String, maxLength: Int) throws(ValidationError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "" }
        return try Validate.displayName(trimmed, field: field, maxLength: maxLength)
    }
}
