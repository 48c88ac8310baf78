import ConciergeDomain
import Foundation

/// A signed-in customer: who they are, in which tenant, and the session's CSRF token.
public struct PortalVisitor: Sendable {
    public var tenant: Tenant
    public var customer: Customer
    public var csrfToken: String

    /// What the history records the customer's portal actions as (like a survey answer).
    public var actor: Actor { CustomerPortal.actor(for: customer.id) }
}

/// What signing in with a link gives: the cookie's secret (shown once) and the customer.
public struct PortalSignIn: Sendable {
    public var sessionSecret: String
    public var customer: Customer
    public var expiresAt: Date
}

/// What a sign-in link is worth when it is opened.
public enum PortalLinkStatus: Sendable, Equatable {
    /// Unused and unexpired: it can sign in.
    case usable
    case used
    case expired
    /// No link of the tenant has this secret.
    case unknown
}
