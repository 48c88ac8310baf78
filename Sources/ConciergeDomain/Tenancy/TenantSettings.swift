import Foundation

/// The editable settings of a tenant, validated; used by the admin API and `tenant apply`.
public struct TenantSettingsChange: Sendable, Equatable {
    public var name: String?
    public var timeZone: String?
    public var locale: Tenant.Locale?

    public init(name: String? = nil, timeZone: String? = nil, locale: Tenant.Locale? = nil) {
        self.name = name
        self.timeZone = timeZone
        self.locale = locale
    }

    /// Checks every present value.
    /// - Throws: ``ValidationError`` naming the first invalid field.
    public func validate() throws(ValidationError) {
        if let name { _ = try Validate.displayName(name, field: "name") }
        if let timeZone { try Validate.timeZone(timeZone, field: "time_zone") }
    }

    /// The tenant with this change applied; fields left `nil` keep their value.
    public func applied(to tenant: Tenant) -> Tenant {
        var copy = tenant
        if let name { copy.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let timeZone { copy.timeZone = timeZone }
        if let locale { copy.locale = locale }
        return copy
    }
}
