import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

extension TenantContext {
    /// The typed id in path parameter `name`; a malformed id is indistinguishable from an
    /// unknown one (404), like another tenant's.
    func id<Tag>(_ name: String, of resource: String) throws -> TypedID<Tag> {
        guard let text = parameters.get(name), let id = TypedID<Tag>(text) else { throw AppError.notFound(resource) }
        return id
    }
}

extension Request {
    /// `limit` from the query string, 1...max, defaulting to `fallback`.
    func pageLimit(default fallback: Int = 50, max: Int = 200) throws -> Int {
        guard let text = uri.queryParameters["limit"] else { return fallback }
        guard let value = Int(String(text)), (1...max).contains(value) else {
            throw AppError(.invalidInput, code: "invalid_parameter", message: "limit must be 1-\(max)", field: "limit")
        }
        return value
    }

    /// The ISO 8601 date-time in query parameter `name`, if given.
    func queryDate(_ name: String) throws -> Date? {
        guard let text = uri.queryParameters[name[...]] else { return nil }
        guard let date = try? Date(String(text), strategy: .iso8601) else {
            throw AppError(
                .invalidInput, code: "invalid_parameter", message: "\(name) must be an ISO 8601 date-time", field: name)
        }
        return date
    }
}
