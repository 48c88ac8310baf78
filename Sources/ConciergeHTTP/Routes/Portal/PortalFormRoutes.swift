import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird
import Logging

/// `/portal/{tenant}/forms/{key}`: a tenant's web form inside the portal. The same form as
/// `/forms/{tenant}/{key}` (``WebFormIntake``: its checks, files, tags and group, and the
/// device of a signed QR link — asset QR labels open this page), for a phone or a desktop.
///
/// A signed-in customer submits as themselves (no contact fields) and lands on the new
/// request; a visitor without an account gives a name and an email or mobile number, gets the
/// request's number and is offered to sign in to follow it. Posts are rate-limited like the
/// public form's, and a visitor's post that looks automated is thanked and dropped.
struct PortalFormRoutes {
    let services: HTTPServices
    let gate: PortalGate

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("forms/:key") { request, context in
            let visit = try await gate.visit(request, context)
            let key = context.parameters.get("key") ?? ""
            let query = request.uri.queryParameters
            let asset = query.get("asset")
            let signature = query.get("sig")
            var error: String?
            let form: WebForm
            do {
                form = try await services.webForms.form(
                    tenant: visit.tenant.slug.rawValue, key: key, asset: asset, signature: signature)
            } catch let failure as AppError where failure.category == .invalidInput {
                // A label whose signature does not match: the form without the device.
                form = try await services.webForms.form(
                    tenant: visit.tenant.slug.rawValue, key: key, asset: nil, signature: nil)
                error = visit.catalogue.text("portal_form_error_asset_link")
            }
            var subject = ""
            if let visitor = visit.visitor, let number = query.get("follow_up").flatMap({ Int64($0) }),
                let earlier = try? await services.portal.request(visitor, number: number)
            {
                subject = visit.catalogue.text(
                    "portal_follow_up_subject", ["number": String(number), "subject": earlier.ticket.subject])
            }
            let values = Values(subject: subject)
            return gate.page(
                "portal-form",
                page(
                    form, key: key, visit: visit, values: values, asset: form.asset == nil ? nil : asset,
                    signature: form.asset == nil ? nil : signature, error: error), visit)
        }
        group.post("forms/:key") { request, context in try await submit(request, context) }
    }

    /// What the visitor typed, kept when the form comes back with an error.
    struct Values {
        var name = ""
        var email = ""
        var phone = ""
        var subject = ""
        var description = ""
    }

    private func submit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let visit = try await gate.visit(request, context)
        let key = context.parameters.get("key") ?? ""
        let slug = visit.tenant.slug.rawValue
        // Counted before the body is read: a visitor without an account may send files too.
        let who = visit.visitor.map { "customer:\($0.customer.id)" } ?? context.clientAddress
        try await services.limiter.enforce(
            "form:\(slug)/\(key):\(who)", limit: WebFormRoutes.submissionsPerHour, window: .seconds(3600),
            message: "too many submissions; try again later")
        let fields = try await gate.form(&request, context, visit, anonymous: true, limit: gate.uploadLimit)
        let catalogue = visit.catalogue
        if visit.visitor == nil, WebFormRoutes.looksAutomated({ fields[$0] }, now: Date()) {
            context.logger.info(
                "portal form post dropped as automated", metadata: ["tenant": "\(slug)", "form": "\(key)"])
            let received = PortalPages.Received(
                message: catalogue.text("portal_received_plain"), followLine: catalogue.text("portal_received_follow"),
                loginURL: visit.paths.login)
            return gate.page("portal-received", received, visit, status: .created)
        }
        var submission = WebFormSubmission(fields: { fields[$0] })
        submission.attachments = try await PostedForm.files(in: request).map {
            WebFormFile(
                filename: $0.filename ?? "file", contentType: $0.contentType ?? "application/octet-stream",
                data: Data($0.bytes).base64EncodedString())
        }
        do {
            let ticket = try await services.webForms.submit(
                tenant: slug, key: key, submission, customer: visit.visitor?.customer.id)
            if visit.visitor != nil {
                return gate.redirect(visit.paths.request(ticket.number), visit, flash: .requestSent)
            }
            let received = PortalPages.Received(
                message: catalogue.text("portal_received", ["number": String(ticket.number)]),
                followLine: catalogue.text("portal_received_follow"),
                loginURL: visit.paths.login(email: submission.email, returningTo: nil))
            return gate.page("portal-received", received, visit, status: .created)
        } catch let error as AppError where error.category == .invalidInput {
            let form = try await services.webForms.form(tenant: slug, key: key, asset: nil, signature: nil)
            let values = Values(
                name: fields["name"] ?? "", email: fields["email"] ?? "", phone: fields["phone"] ?? "",
                subject: fields["subject"] ?? "", description: fields["description"] ?? "")
            // The device of a valid link stays on the form.
            let withAsset = try? await services.webForms.form(
                tenant: slug, key: key, asset: fields["asset"], signature: fields["sig"])
            let page = page(
                withAsset ?? form, key: key, visit: visit, values: values,
                asset: withAsset?.asset == nil ? nil : fields["asset"],
                signature: withAsset?.asset == nil ? nil : fields["sig"], error: Self.message(error, catalogue))
            return gate.page("portal-form", page, visit, status: .badRequest)
        }
    }

    private func page(
        _ form: WebForm, key: String, visit: PortalVisit, values: Values, asset: String?, signature: String?,
        error: String?
    ) -> PortalPages.Form {
        let catalogue = visit.catalogue
        let customer = visit.visitor?.customer
        return PortalPages.Form(
            title: form.title ?? catalogue.text("portal_form_title"), intro: form.intro, action: visit.paths.form(key),
            asset: form.asset.map { PortalPages.AssetLine(model: $0.model, serial: $0.serialNumber) },
            assetValue: asset, signature: signature, renderedAt: String(Int(Date().timeIntervalSince1970)),
            signedIn: customer != nil,
            customerLine: customer.map {
                catalogue.text(
                    "portal_form_as_customer",
                    ["name": $0.name.isEmpty ? ($0.emails.first ?? "") : $0.name, "email": $0.emails.first ?? ""])
            },
            name: values.name, email: values.email, phone: values.phone, subject: values.subject,
            description: values.description, allowsFiles: form.allowsAttachments, error: error,
            loginURL: visit.paths.login(returningTo: visit.paths.form(key)))
    }

    /// The form's refusal in the visitor's language.
    static func message(_ error: AppError, _ catalogue: WebCatalogue) -> String {
        let field = error.field ?? ""
        let key: String =
            switch (error.code, field) {
            case ("too_many_files", _), ("attachments_not_allowed", _): "portal_form_error_files"
            case (_, let field) where field.hasPrefix("attachments"): "portal_form_error_file"
            case ("invalid_asset_link", _): "portal_form_error_asset_link"
            case (_, "requester.email") where error.code == "required": "portal_form_error_contact"
            case (_, "requester.email"): "portal_form_error_email"
            case (_, "requester.phone"): "portal_form_error_phone"
            case (_, "requester.name"): "portal_form_error_name"
            case (_, "description"): "portal_form_error_description"
            case (_, "subject"): "portal_form_error_subject"
            default: "portal_form_error_generic"
            }
        return catalogue.text(key)
    }
}
