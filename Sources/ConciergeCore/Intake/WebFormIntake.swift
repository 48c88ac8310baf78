import ConciergeDomain
import Crypto
import Foundation

/// The public web form of a `web_form` connector (`/forms/{tenant}/{key}`): customers open
/// tickets without an account, with files if the form allows them. An asset's QR code links to
/// the form with the asset's serial number and a signature (HMAC-SHA256 under the connector's
/// `link_secret`), so the ticket is about that asset and nobody can make links for others.
public struct WebFormIntake: Sendable {
    /// Files per submission.
    public static let maxFiles = 5
    static let actor = Actor.system("web-form")

    let store: any TenantStore
    let tenants: any TenantDirectory
    let secrets: SecretBox
    let storage: any AttachmentStorage
    let policy: AttachmentPolicy
    let desk: TicketDesk
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, tenants: any TenantDirectory, secrets: SecretBox, storage: any AttachmentStorage,
        policy: AttachmentPolicy, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.tenants = tenants
        self.secrets = secrets
        self.storage = storage
        self.policy = policy
        self.desk = TicketDesk(store: store, now: now)
        self.now = now
    }

    /// The form as its page shows it, with the asset a valid link names.
    /// - Throws: `notFound` for an unknown tenant or form; `invalidInput` for a forged link.
    public func form(tenant slug: String, key: String, asset: String?, signature: String?) async throws -> WebForm {
        let (tenant, stored) = try await find(slug, key)
        let found = try await verifiedAsset(asset, signature: signature, tenant: tenant, connector: stored)
        return WebForm(tenant: tenant, connector: stored.connector, asset: found)
    }

    /// Opens a ticket from a submission. - Returns: the ticket.
    /// - Parameter customer: the requester when the portal knows who submits (a signed-in
    ///   customer); the submission's contact fields are then ignored.
    public func submit(tenant slug: String, key: String, _ submission: WebFormSubmission, customer: CustomerID? = nil)
        async throws -> Ticket
    {
        let (tenant, stored) = try await find(slug, key)
        let form = WebForm(tenant: tenant, connector: stored.connector, asset: nil)
        let asset = try await verifiedAsset(
            submission.asset, signature: submission.signature, tenant: tenant, connector: stored)
        let files = submission.attachments ?? []
        guard files.isEmpty || form.allowsAttachments else {
            throw AppError(
                .invalidInput, code: "attachments_not_allowed", message: "this form takes no files",
                field: "attachments")
        }
        guard files.count <= Self.maxFiles else {
            throw AppError(
                .invalidInput, code: "too_many_files", message: "at most \(Self.maxFiles) files", field: "attachments")
        }
        let subject = submission.subject?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let new = NewTicket(
            subject: subject.isEmpty ? String((submission.description ?? "").prefix(60)) : subject,
            description: submission.description ?? "",
            requester: customer.map(NewTicket.Requester.customer)
                ?? .contact(
                    email: submission.email.flatMap { $0.isEmpty ? nil : $0 },
                    phone: submission.phone.flatMap { $0.isEmpty ? nil : $0 },
                    name: submission.name.flatMap { $0.isEmpty ? nil : $0 }),
            channel: asset == nil ? .web : .qr, groupID: form.groupID, tags: form.tags, assetID: asset?.id,
            byCustomer: true)
        let saved = try await storeFiles(files, tenant: tenant.id)
        let at = now()
        do {
            return try await desk.create(new, actor: Self.actor, tenant: tenant.id) { tx, ticket in
                try await IntakeFiles.insert(saved, ticket: ticket.id, comment: nil, by: Self.actor, tx: tx, at: at)
            }
        } catch {
            for file in saved.stored { try? await storage.delete(key: file.key) }
            throw error
        }
    }

    /// The path (after the public URL) an asset's QR code opens: the form, on the tenant's
    /// customer portal, with the asset signed. (Labels printed before the portal existed link
    /// to `/forms/…` with the same parameters, which keeps working.)
    /// - Throws: `notFound`; `invalidInput` when the form has no `link_secret` to sign with.
    public func assetPath(tenant: TenantID, form key: String, asset: AssetID) async throws -> String {
        guard let record = try await tenants.find(id: tenant) else { throw AppError.notFound("tenant") }
        let (_, stored) = try await find(record.slug.rawValue, key)
        guard let found = try await store.transaction(tenant, { tx in try await tx.assets.find(id: asset) }) else {
            throw AppError.notFound("asset")
        }
        guard let secret = try linkSecret(stored, tenant: tenant) else {
            throw AppError(
                .invalidInput, code: "link_secret_missing", message: "the form needs secrets.link_secret to sign links",
                field: "form")
        }
        let serial = found.serialNumber
        let signature = Self.signature(serial, form: "\(record.slug)/\(key)", secret: secret)
        let query = serial.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? serial
        return "/portal/\(record.slug)/forms/\(key)?asset=\(query)&sig=\(signature)"
    }

    static func signature(_ serial: String, form: String, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data("\(form)/\(serial)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return code.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    private func find(_ slug: String, _ key: String) async throws -> (Tenant, StoredConnector) {
        guard let tenantSlug = try? TenantSlug(slug), let tenant = try await tenants.find(slug: tenantSlug),
            tenant.status == .active
        else { throw AppError.notFound("form") }
        let stored = try await store.transaction(tenant.id) { tx in try await tx.connectors.find(key: key) }
        guard let stored, stored.connector.kind == .webForm, stored.connector.enabled else {
            throw AppError.notFound("form")
        }
        return (tenant, stored)
    }

    private func linkSecret(_ stored: StoredConnector, tenant: TenantID) throws -> String? {
        try stored.sealedSecrets.map { try secrets.open($0, tenant: tenant, connector: stored.connector.id) }?[
            "link_secret"]
    }

    private func verifiedAsset(_ serial: String?, signature: String?, tenant: Tenant, connector: StoredConnector)
        async throws -> Asset?
    {
        guard let serial, !serial.isEmpty else { return nil }
        guard let secret = try linkSecret(connector, tenant: tenant.id), let signature,
            SecretToken.equalInConstantTime(
                signature, Self.signature(serial, form: "\(tenant.slug)/\(connector.connector.key)", secret: secret))
        else {
            throw AppError(
                .invalidInput, code: "invalid_asset_link", message: "the link's asset signature does not match",
                field: "asset")
        }
        return try await store.transaction(tenant.id) { tx in try await tx.assets.find(serialNumber: serial) }
    }

    private func storeFiles(_ files: [WebFormFile], tenant: TenantID) async throws -> IntakeFiles.Saved {
        var attachments: [InboundMailAttachment] = []
        for (index, file) in files.enumerated() {
            guard let bytes = Data(base64Encoded: file.data, options: .ignoreUnknownCharacters) else {
                throw AppError(
                    .invalidInput, code: "invalid_file", message: "data is not base64",
                    field: "attachments[\(index)].data")
            }
            do throws(ValidationError) {
                _ = try policy.validate(filename: file.filename, contentType: file.contentType, bytes: Array(bytes))
            } catch {
                throw AppError(
                    .invalidInput, code: error.code, message: error.message, field: "attachments[\(index)]")
            }
            attachments.append(
                InboundMailAttachment(filename: file.filename, contentType: file.contentType, bytes: Array(bytes)))
        }
        return try await IntakeFiles.store(attachments, tenant: tenant, storage: storage, policy: policy)
    }
}
