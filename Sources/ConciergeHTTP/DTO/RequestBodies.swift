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

    enum CodingKeys: String, CodingKey {
        case name
        case timeZone = "time_zone"
        case locale
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
