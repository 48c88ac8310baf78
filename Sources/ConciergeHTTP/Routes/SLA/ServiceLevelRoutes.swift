import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `/api/v1/business-calendars`, `/api/v1/sla-policies` and `/api/v1/tickets/{id}/sla`.
/// Calendars and policies are written whole under their key (PUT), as in tenant YAML.
struct ServiceLevelRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("business-calendars", requires: .ticketsRead) { _, context in
            let calendars = try await services.serviceLevels.calendars(tenant: context.identity.tenantID)
            return Page(
                key: "business_calendars", items: calendars.map { KeyedCalendar(key: $0.key, calendar: $0.calendar) },
                nextCursor: nil)
        }
        api.put("business-calendars/:key", requires: .tenantWrite) { request, context in
            let key = context.parameters.get("key") ?? ""
            let draft = try await request.decodeBody(as: BusinessCalendarDraft.self, context: context)
            let saved = try await services.serviceLevels.saveCalendar(
                draft, key: key, actor: context.identity.actor, tenant: context.identity.tenantID)
            return EditedResponse(
                status: saved.created ? .created : .ok,
                response: Wrapped(key: "business_calendar", item: KeyedCalendar(key: key, calendar: saved.calendar)))
        }
        api.delete("business-calendars/:key", requires: .tenantWrite) { _, context in
            try await services.serviceLevels.deleteCalendar(
                key: context.parameters.get("key") ?? "", actor: context.identity.actor,
                tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
        api.get("sla-policies", requires: .ticketsRead) { _, context in
            let policies = try await services.serviceLevels.policies(tenant: context.identity.tenantID)
            return Page(key: "sla_policies", items: policies.map(EncodableDocument.init), nextCursor: nil)
        }
        api.put("sla-policies/:key", requires: .tenantWrite) { request, context in
            let key = context.parameters.get("key") ?? ""
            let policy = try await request.keyedDocument(SLAPolicy.self, key: key, context: context)
            let saved = try await services.serviceLevels.savePolicy(
                policy, actor: context.identity.actor, tenant: context.identity.tenantID)
            return EditedResponse(
                status: saved.created ? .created : .ok,
                response: Wrapped(key: "sla_policy", item: EncodableDocument(saved.policy)))
        }
        api.delete("sla-policies/:key", requires: .tenantWrite) { _, context in
            try await services.serviceLevels.deletePolicy(
                key: context.parameters.get("key") ?? "", actor: context.identity.actor,
                tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
        api.get("tickets/:ticket/sla", requires: .ticketsRead) { _, context in
            let targets = try await services.serviceLevels.targets(
                of: try context.ticket(), tenant: context.identity.tenantID)
            return Page(key: "sla", items: targets.map(SLATargetRepresentation.init), nextCursor: nil)
        }
    }
}

/// A calendar as the API shows it: its key beside the calendar's own fields.
struct KeyedCalendar: Encodable, Sendable {
    let key: String
    let calendar: BusinessCalendar

    func encode(to encoder: any Encoder) throws {
        try calendar.encode(to: encoder)
        var container = encoder.container(keyedBy: Wrapped<String>.AnyKey.self)
        try container.encode(key, forKey: Wrapped<String>.AnyKey("key"))
    }
}

/// One SLA metric of a ticket.
struct SLATargetRepresentation: Encodable, Sendable {
    let metric: String
    let policy: String
    let status: String
    let startedAt: Date
    let targetAt: Date
    let warningAt: Date
    let fulfilledAt: Date?
    let breachedAt: Date?
    let pausedSeconds: Double
    let warningFiredAt: Date?
    let breachFiredAt: Date?

    init(_ stored: StoredSLATarget) {
        metric = stored.state.metric.rawValue
        policy = stored.policyKey
        status = stored.state.status.rawValue
        startedAt = stored.state.startedAt
        targetAt = stored.state.targetAt
        warningAt = stored.state.warningAt
        fulfilledAt = stored.state.fulfilledAt
        breachedAt = stored.state.breachedAt
        pausedSeconds = stored.state.pausedDuration
        warningFiredAt = stored.warningFiredAt
        breachFiredAt = stored.breachFiredAt
    }
}
