import ConciergeCore
import ConciergeDomain
import Hummingbird

/// Routes carry their permission at registration: the check runs before the handler, in one
/// place, for every route registered through these methods.
extension RouterGroup where Context == TenantContext {
    @discardableResult
    func get<Output: ResponseGenerator>(
        _ path: RouterPath, requires permission: Permission,
        use handler: @escaping @Sendable (Request, TenantContext) async throws -> Output
    ) -> Self {
        on(path, method: .get, requires: permission, use: handler)
    }

    @discardableResult
    func post<Output: ResponseGenerator>(
        _ path: RouterPath, requires permission: Permission,
        use handler: @escaping @Sendable (Request, TenantContext) async throws -> Output
    ) -> Self {
        on(path, method: .post, requires: permission, use: handler)
    }

    @discardableResult
    func patch<Output: ResponseGenerator>(
        _ path: RouterPath, requires permission: Permission,
        use handler: @escaping @Sendable (Request, TenantContext) async throws -> Output
    ) -> Self {
        on(path, method: .patch, requires: permission, use: handler)
    }

    @discardableResult
    func put<Output: ResponseGenerator>(
        _ path: RouterPath, requires permission: Permission,
        use handler: @escaping @Sendable (Request, TenantContext) async throws -> Output
    ) -> Self {
        on(path, method: .put, requires: permission, use: handler)
    }

    @discardableResult
    func delete<Output: ResponseGenerator>(
        _ path: RouterPath, requires permission: Permission,
        use handler: @escaping @Sendable (Request, TenantContext) async throws -> Output
    ) -> Self {
        on(path, method: .delete, requires: permission, use: handler)
    }

    @discardableResult
    func on<Output: ResponseGenerator>(
        _ path: RouterPath, method: HTTPRequest.Method, requires permission: Permission,
        use handler: @escaping @Sendable (Request, TenantContext) async throws -> Output
    ) -> Self {
        on(path, method: method) { request, context in
            try context.identity.require(permission)
            return try await handler(request, context)
        }
    }
}
