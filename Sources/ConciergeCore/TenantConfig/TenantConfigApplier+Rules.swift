import ConciergeDomain
import Foundation

extension TenantConfigApplier {
    /// Creates or replaces calendars, SLA policies, triggers and automations by key; a
    /// document equal to the stored one is left alone, so applying twice changes nothing.
    func applyServiceLevelsAndRules(_ blueprint: TenantBlueprint, tenant: TenantID, actor: Actor) async throws
        -> [String]
    {
        var changes: [String] = []
        let levels = ServiceLevelCatalog(store: store)
        let storedCalendars = Dictionary(
            try await levels.calendars(tenant: tenant).map { ($0.key, $0.calendar) }, uniquingKeysWith: { a, _ in a })
        for spec in blueprint.calendars where storedCalendars[spec.key] != spec.calendar {
            let saved = try await levels.saveCalendar(spec.calendar.draft, key: spec.key, actor: actor, tenant: tenant)
            changes.append(saved.created ? "+ calendar \(spec.key) created" : "~ calendar \(spec.key) updated")
        }
        let storedPolicies = try await levels.policies(tenant: tenant)
        for policy in blueprint.slaPolicies where !storedPolicies.contains(policy) {
            let saved = try await levels.savePolicy(policy, actor: actor, tenant: tenant)
            changes.append(saved.created ? "+ SLA policy \(policy.key) created" : "~ SLA policy \(policy.key) updated")
        }
        let rules = RuleCatalog(store: store)
        let storedTriggers = try await rules.triggers(tenant: tenant)
        for (index, var trigger) in blueprint.triggers.enumerated() {
            trigger.actions = try await resolved(trigger.actions, tenant: tenant, path: "triggers[\(index)]")
            guard !storedTriggers.contains(trigger) else { continue }
            let saved = try await rules.saveTrigger(trigger, actor: actor, tenant: tenant)
            changes.append(saved.created ? "+ trigger \(trigger.key) created" : "~ trigger \(trigger.key) updated")
        }
        let storedAutomations = try await rules.automations(tenant: tenant)
        for (index, var automation) in blueprint.automations.enumerated() {
            automation.actions = try await resolved(automation.actions, tenant: tenant, path: "automations[\(index)]")
            guard !storedAutomations.contains(automation) else { continue }
            let saved = try await rules.saveAutomation(automation, actor: actor, tenant: tenant)
            changes.append(
                saved.created ? "+ automation \(automation.key) created" : "~ automation \(automation.key) updated")
        }
        return changes
    }

    private func resolved(_ actions: [RuleAction], tenant: TenantID, path: String) async throws -> [RuleAction] {
        do {
            return try await store.transaction(tenant) { tx in try await RuleCatalog.resolved(actions, tx: tx) }
        } catch let error as AppError {
            throw AppError(
                error.category, code: error.code, message: error.message, field: "\(path).\(error.field ?? "")")
        }
    }
}
