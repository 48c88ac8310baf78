import Foundation

/// The editable settings of a tenant, validated; used by the admin API, the admin console and
/// `tenant apply`. The logo is changed apart (``TenantLogo``): it is an upload, not a field.
public struct TenantSettingsChange: Sendable, Equatable {
    public var name: String?
    public var timeZone: String?
    public var locale: Tenant.Locale?
    /// A hex colour (`#1f6feb`) to set, `.some(nil)` to go back to the product's colours.
    public var brandColor: String??

    public init(
        name: String? = nil, timeZone: String? = nil, locale: Tenant.Locale? = nil, brandColor: String?? = nil
    ) {
        self.name = name
        self.timeZone = timeZone
        self.locale = locale
        self.brandColor = brandColor
    }

    /// Checks every present value.
    /// - Throws: ``ValidationError`` naming the first invalid field.
    public func validate() throws(ValidationError) {
        if let name { _ = try Validate.displayName(name, field: "name") }
        if let timeZone { try Validate.timeZone(timeZone, field: "time_zone") }
        if case .some(.some(let color)) = brandColor { _ = try BrandColor(color) }
    }

    /// The tenant with this change applied; fields left `nil` keep their value.
    public func applied(to tenant: Tenant) -> Tenant {
        var copy = tenant
        if let name { copy.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let timeZone { copy.timeZone = timeZone }
        if let locale { copy.locale = locale }
        if let brandColor { copy.brandColor = brandColor.flatMap { try? BrandColor($0) } }
        return copy
    }
}
