import ConciergeDomain
import Foundation

/// Signing in to the portal: links emailed (or handed out), spent once, and the sessions they open.
extension CustomerPortal {
    /// Emails a sign-in link to `email` when it is a customer's address in `tenant`; otherwise
    /// does nothing, and answers the same either way.
    /// - Parameters:
    ///   - locale: the language of the page the customer asked from, for a customer without a
    ///     language of their own.
    ///   - next: the portal page to open after signing in (the caller checked it is one).
    /// - Throws: `invalidInput` (not an email address); `rateLimited` (too many links asked for
    ///   this address or from this client within the hour).
    public func requestLink(
        tenant: Tenant, email: String, locale: Tenant.Locale, clientAddress: String, returningTo next: String? = nil
    ) async throws {
        let address: String
        do throws(ValidationError) { address = try Validate.email(email) } catch { throw AppError.invalid(error) }
        // Counted for every address alike, known or not, so the limit reveals nothing either.
        for (key, limit) in [
            ("portal:link:address:\(tenant.id):\(address)", policy.linksPerAddressPerHour),
            ("portal:link:client:\(tenant.id):\(clientAddress)", policy.linksPerClientPerHour),
        ] {
            let decision = try await limiter.hit(key, limit: limit, window: .seconds(3600))
            guard decision.allowed else {
                throw AppError(
                    .rateLimited, code: "rate_limited", message: "too many sign-in links asked for; try again later",
                    retryAfterSeconds: max(decision.retryAfterSeconds, 1))
            }
        }
        let at = now()
        let (secret, link) = newLink(tenant: tenant, returningTo: next)
        try await store.transaction(tenant.id) { [linkMinutes] tx in
            guard let customer = try await tx.customers.find(identity: .email, value: address) else { return }
            try await Self.saveLink(
                secret, for: customer, email: address, at: at, lifetime: policy.linkLifetime, tx: tx)
            let message = PortalSignInMessage(
                tenantName: tenant.name, customerName: customer.name.isEmpty ? address : customer.name,
                link: link, minutes: linkMinutes, locale: customer.locale ?? locale)
            try await OutgoingEmail.queue(
                to: address, subject: message.subject, body: message.body, ticketID: nil, tenant: tenant.id,
                source: "portal:sign-in", tx: tx, at: at, recordedBody: message.recordedBody)
        }
    }

    /// A sign-in link for the customer with this email address, handed to whoever runs the
    /// platform (`concierge portal link`: a demo without a mail relay, support on the phone)
    /// instead of emailed; recorded as `customer.portal_link_issued` by `actor`.
    /// - Returns: the link; `nil` when the address is no customer's.
    public func issueLink(tenant: Tenant, email: String, actor: Actor, returningTo next: String? = nil) async throws
        -> String?
    {
        let address: String
        do throws(ValidationError) { address = try Validate.email(email) } catch { throw AppError.invalid(error) }
        let at = now()
        let (secret, link) = newLink(tenant: tenant, returningTo: next)
        return try await store.transaction(tenant.id) { [policy] tx -> String? in
            guard let customer = try await tx.customers.find(identity: .email, value: address) else { return nil }
            try await Self.saveLink(
                secret, for: customer, email: address, at: at, lifetime: policy.linkLifetime, tx: tx)
            try await tx.events.append(
                DomainEvent(
                    tenantID: tenant.id, type: "customer.portal_link_issued", subjectType: "customer",
                    subjectID: customer.id.description, actor: actor, data: ["email": .string(address)],
                    occurredAt: at),
                outbox: [])
            return link
        }
    }

    /// A new link secret and the URL that carries it.
    func newLink(tenant: Tenant, returningTo next: String?) -> (secret: String, url: String) {
        let secret = SecretToken.generate(prefix: Self.linkPrefix)
        var link = "\(Self.trimmed(policy.publicURL))/portal/\(tenant.slug)/login/\(secret)"
        if let next, let encoded = next.addingPercentEncoding(withAllowedCharacters: Self.queryValue) {
            link += "?next=\(encoded)"
        }
        return (secret, link)
    }

    /// Stores the digest of a new link of `customer` (and clears their expired ones).
    static func saveLink(
        _ secret: String, for customer: Customer, email: String, at: Date, lifetime: Duration,
        tx: any TenantTransaction
    ) async throws {
        try await tx.portal.purgeExpired(of: customer.id, before: at)
        try await tx.portal.insert(
            link: PortalLink(
                customerID: customer.id, email: email, createdAt: at,
                expiresAt: at.addingTimeInterval(seconds(lifetime))),
            digest: SecretToken.digest(secret))
    }

    /// What a sign-in link is worth, without using it (the page it opens asks to confirm, so a
    /// mail scanner that fetches links does not spend it).
    public func linkStatus(tenant: Tenant, secret: String) async throws -> PortalLinkStatus {
        guard Self.plausible(secret, prefix: Self.linkPrefix) else { return .unknown }
        let at = now()
        let link = try await store.transaction(tenant.id) { tx in
            try await tx.portal.link(digest: SecretToken.digest(secret))
        }
        guard let link else { return .unknown }
        if link.usedAt != nil { return .used }
        return link.expiresAt > at ? .usable : .expired
    }

    /// Spends a sign-in link and opens a session for its customer; the customer's other
    /// unused links stop working.
    /// - Throws: `notFound` (unknown link); `conflict` `link_used` or `link_expired`.
    public func signIn(tenant: Tenant, secret: String) async throws -> PortalSignIn {
        guard Self.plausible(secret, prefix: Self.linkPrefix) else { throw AppError.notFound("link") }
        let at = now()
        let digest = SecretToken.digest(secret)
        let sessionSecret = SecretToken.generate(prefix: Self.sessionPrefix)
        let expiresAt = at.addingTimeInterval(Self.seconds(policy.sessionLifetime))
        let customer = try await store.transaction(tenant.id) { tx -> Customer in
            guard let customerID = try await tx.portal.consumeLink(digest: digest, at: at) else {
                guard let link = try await tx.portal.link(digest: digest) else { throw AppError.notFound("link") }
                throw link.usedAt != nil
                    ? AppError(.conflict, code: "link_used", message: "this sign-in link was already used")
                    : AppError(.conflict, code: "link_expired", message: "this sign-in link has expired")
            }
            guard let customer = try await tx.customers.find(id: customerID) else { throw AppError.notFound("link") }
            try await tx.portal.retireLinks(of: customer.id, at: at)
            try await tx.portal.purgeExpired(of: customer.id, before: at)
            try await tx.portal.insert(
                session: PortalSession(
                    customerID: customer.id, csrfToken: SecretToken.generate(prefix: ""), createdAt: at,
                    lastSeenAt: at, expiresAt: expiresAt),
                digest: SecretToken.digest(sessionSecret))
            try await tx.events.append(
                DomainEvent(
                    tenantID: tenant.id, type: "customer.portal_signed_in", subjectType: "customer",
                    subjectID: customer.id.description, actor: Self.actor(for: customer.id), data: [:],
                    occurredAt: at),
                outbox: [])
            return customer
        }
        return PortalSignIn(sessionSecret: sessionSecret, customer: customer, expiresAt: expiresAt)
    }

    /// The customer behind a portal cookie; `nil` when the session is unknown, expired or its
    /// customer is gone (deleted, merged into another).
    public func visitor(tenant: Tenant, sessionSecret secret: String) async throws -> PortalVisitor? {
        guard Self.plausible(secret, prefix: Self.sessionPrefix) else { return nil }
        let at = now()
        let digest = SecretToken.digest(secret)
        return try await store.transaction(tenant.id) { tx -> PortalVisitor? in
            guard let session = try await tx.portal.session(digest: digest, at: at),
                let customer = try await tx.customers.find(id: session.customerID)
            else { return nil }
            if at.timeIntervalSince(session.lastSeenAt) >= Self.touchInterval {
                try await tx.portal.touchSession(digest: digest, at: at)
            }
            return PortalVisitor(tenant: tenant, customer: customer, csrfToken: session.csrfToken)
        }
    }

    /// Ends the session behind `secret` (idempotent).
    public func signOut(tenant: Tenant, sessionSecret secret: String) async throws {
        guard Self.plausible(secret, prefix: Self.sessionPrefix) else { return }
        try await store.transaction(tenant.id) { tx in
            try await tx.portal.deleteSession(digest: SecretToken.digest(secret))
        }
    }

    /// What a query value may hold unencoded.
    static let queryValue = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")

    static func trimmed(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }
}
