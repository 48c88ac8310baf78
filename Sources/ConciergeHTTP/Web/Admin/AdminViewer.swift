import ConciergeCore
import ConciergeDomain

/// The signed-in viewer of a console page: a ``WebViewer`` that may open at least one section.
enum AdminViewer {
    /// Loads the viewer. - Throws: `forbidden` when their role opens no section of the console.
    static func load(_ context: TenantContext, services: HTTPServices, resources: WebResources) async throws
        -> WebViewer
    {
        let role = context.identity.role
        guard !AdminSection.visible(to: role).isEmpty else {
            throw AppError.forbidden("the \(role.rawValue) role opens no part of the admin console")
        }
        return try await WebViewer.load(context.identity, services: services, resources: resources)
    }
}
