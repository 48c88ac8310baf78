import ConciergeDomain
import Foundation

extension TenantConfigApplier {
    /// Creates or updates custom fields, forms, shared views and macros by key.
    func applyConfiguration(_ blueprint: TenantBlueprint, tenant: TenantID, actor: Actor) async throws -> [String] {
        var changes: [String] = []
        let fieldCatalog = FieldCatalog(store: store)
        let existingFields = try await fieldCatalog.fields(tenant: tenant)
        for var field in blueprint.fields {
            if let existing = existingFields.first(where: { $0.key == field.key }) {
                field.id = existing.id
                guard existing != field else { continue }
                _ = try await fieldCatalog.update(field, actor: actor, tenant: tenant)
                changes.append("~ field \(field.key) updated")
            } else {
                _ = try await fieldCatalog.create(field, actor: actor, tenant: tenant)
                changes.append("+ field \(field.key) created")
            }
        }
        let existingForms = try await fieldCatalog.forms(tenant: tenant)
        for var form in blueprint.forms {
            if let existing = existingForms.first(where: { $0.key == form.key }) {
                form.id = existing.id
                guard existing != form else { continue }
                _ = try await fieldCatalog.update(form, actor: actor, tenant: tenant)
                changes.append("~ form \(form.key) updated")
            } else {
                _ = try await fieldCatalog.create(form, actor: actor, tenant: tenant)
                changes.append("+ form \(form.key) created")
            }
        }
        changes += try await applyViews(blueprint.views, tenant: tenant)
        let macroCatalog = MacroCatalog(store: store)
        let existingMacros = try await macroCatalog.list(tenant: tenant)
        for var macro in blueprint.macros {
            if let existing = existingMacros.first(where: { $0.key == macro.key }) {
                macro.id = existing.id
                guard existing != macro else { continue }
                _ = try await macroCatalog.update(macro, tenant: tenant)
                changes.append("~ macro \(macro.key) updated")
            } else {
                _ = try await macroCatalog.create(macro, tenant: tenant)
                changes.append("+ macro \(macro.key) created")
            }
        }
        return changes
    }

    private func applyViews(_ specs: [TenantBlueprint.ViewSpec], tenant: TenantID) async throws -> [String] {
        try await store.transaction(tenant) { tx in
            var changes: [String] = []
            let existing = try await tx.views.visible(to: nil)
            for (index, spec) in specs.enumerated() {
                _ = try spec.filters.query(for: UserID())
                if var view = existing.first(where: { $0.key == spec.key }) {
                    guard view.ownerID == nil else {
                        throw AppError(
                            .conflict, code: "key_taken", message: "view \(spec.key) is a personal view",
                            field: "views[\(index)].key")
                    }
                    guard view.title != spec.title || view.filters != spec.filters else { continue }
                    view.title = spec.title
                    view.filters = spec.filters
                    try await tx.views.update(view)
                    changes.append("~ view \(spec.key) updated")
                } else {
                    try await tx.views.insert(
                        SavedView(
                            id: ViewID(), key: spec.key, title: spec.title, ownerID: nil, filters: spec.filters,
                            position: index))
                    changes.append("+ view \(spec.key) created")
                }
            }
            return changes
        }
    }
}
