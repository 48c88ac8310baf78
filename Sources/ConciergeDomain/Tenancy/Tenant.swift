import Foundation

/// A subscribing company, as the control plane knows it.
public struct Tenant: Sendable, Equatable, Codable {
    public var id: TenantID
    public var slug: TenantSlug
    public var name: String
    public var status: TenantStatus
    public var plan: String
    /// How many active agents (roles other than light agent) the plan allows.
    public var seatLimit: Int
    /// IANA time zone used for business hours and reports; `Asia/Shanghai` by default.
    public var timeZone: String
    /// Default interface and notification language (`zh-CN` or `en`).
    public var locale: Locale
    /// Which database holds this tenant's rows (`shared` or a named dedicated database).
    public var placement: String
    /// The colour its pages' header and buttons take on; the product's own when `nil`.
    public var brandColor: BrandColor?
    /// The logo in its pages' header, if one was uploaded (the bytes are stored apart).
    public var logo: TenantLogo?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: TenantID, slug: TenantSlug, name: String, status: TenantStatus, plan: String, seatLimit: Int,
        timeZone: String, locale: Locale, placement: String, brandColor: BrandColor? = nil, logo: TenantLogo? = nil,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.status = status
        self.plan = plan
        self.seatLimit = seatLimit
        self.timeZone = timeZone
        self.locale = locale
        self.placement = placement
        self.brandColor = brandColor
        self.logo = logo
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Languages the product ships with.
    public enum Locale: String, Sendable, Codable, CaseIterable {
        case zhCN = "zh-CN"
        case en = "en"
    }
}

/// Lifecycle of a tenant's subscription.
public enum TenantStatus: String, Sendable, Codable, CaseIterable {
    /// Serving requests.
    case active
    /// Credentials are refused; data kept.
    case suspended
}
