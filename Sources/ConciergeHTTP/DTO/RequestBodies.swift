import ConciergeCore
import ConciergeDomain
import Foundation

/// Request bodies. Keys are snake_case as sent; optional fields of PATCH bodies are left out
/// to keep a value.
struct LoginBody: Decodable {
    var tenant: String
    var email: String
    var password: String
}

struct TenantPatchBody: Decodable {
    var name: String?
    var timeZone: String?
    var locale: Tenant.Locale?
    /// `null` clears the brand colour.
    var brandColor: String??

    enum CodingKeys: String, CodingKey {
        case name
        case timeZone = "time_zone"
        case locale
        case brandColor = "brand_color"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        timeZone = try container.decodeIfPresent(String.self, forKey: .timeZone)
        locale = try container.decodeIfPresent(Tenant.Locale.self, forKey: .locale)
        brandColor = try container.decodeNullable(String.self, forKey: .brandColor)
    }

    var change: TenantSettingsChange {
        TenantSettingsChange(name: name, timeZone: timeZone, locale: locale, brandColor: brandColor)
    }
}

struct UserCreateBody: Decodable {
    var email: String
    var name: String
    var role: Role
    var password: String?
    var locale: Tenant.Locale?
    var skills: [String]?
    var regions: [String]?
}

struct UserPatchBody: Decodable {
    var name: String?
    var role: Role?
    var status: UserStatus?
    var locale: Tenant.Locale?
    var password: String?
    var skills: [String]?
    var regions: [String]?
}

struct GroupBody: Decodable {
    var key: String?
    var name: String?
    var description: String?
    var memberIds: [UserID]?

    enum CodingKeys: String, CodingKey {
        case key, name, description
        case memberIds = "member_ids"
    }
}

struct TokenCreateBody: Decodable {
    var name: String
    var role: Role
    var expiresAt: Date?

    enum CodingKeys: String, CodingKey {
        case name, role
        case expiresAt = "expires_at"
    }
}
