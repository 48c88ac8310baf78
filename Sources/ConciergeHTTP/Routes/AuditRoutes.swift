import ConciergeCore
import ConciergeDomain
import Hummingbird

/// The tenant's event log: who changed what, newest first.
struct AuditRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("audit-events", requires: .auditRead) { request, context in
            let limit = try request.pageLimit()
            let query = request.uri.queryParameters
            let cursor: Int64? = try query["cursor"].map {
                guard let value = Int64(String($0)), value > 0 else {
                    throw AppError(
                        .invalidInput, code: "invalid_parameter", message: "cursor is not valid", field: "cursor")
                }
                return value
            }
            let events = try await services.audit.list(
                tenant: context.identity.tenantID, before: cursor, limit: limit,
                subjectType: query["subject_type"].map(String.init), subjectID: query["subject_id"].map(String.init))
            return Page(
                key: "audit_events", items: events.map(EventRepresentation.init),
                nextCursor: events.count == limit ? events.last.map { String($0.sequence) } : nil)
        }
    }
}
