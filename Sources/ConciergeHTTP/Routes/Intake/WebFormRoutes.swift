import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird
import Logging

/// `/forms/{tenant}/{key}`: a tenant's public web form (a `web_form` connector). `GET` shows
/// it (with the asset of a signed QR link); `POST` opens a ticket from a browser's
/// `multipart/form-data` (files included), a plain form post, or JSON (files base64) and
/// answers a page or, for JSON, `201 {"ticket": {"number": …}}`. Posts are rate-limited per
/// client address and form, and a browser post that looks automated — the hidden `website`
/// field filled in, or sent less than ``minimumFillSeconds`` after the page was rendered — is
/// answered like any other and dropped (a bot learns nothing to adapt to).
struct WebFormRoutes {
    let services: HTTPServices

    /// Submissions per client address, form and hour.
    static let submissionsPerHour = 20
    /// The least time a person takes to fill the form in.
    static let minimumFillSeconds: TimeInterval = 2

    func register(on router: Router<AppRequestContext>) {
        router.get("forms/:tenant/:key") { request, context in
            let page = WebFormPage(english: PublicPage.prefersEnglish(request))
            let asset = request.uri.queryParameters.get("asset")
            let signature = request.uri.queryParameters.get("sig")
            do {
                let form = try await services.webForms.form(
                    tenant: context.parameters.get("tenant") ?? "", key: context.parameters.get("key") ?? "",
                    asset: asset, signature: signature)
                return page.response(page.form(form, asset: asset, signature: signature))
            } catch let error as AppError where error.category == .notFound || error.category == .invalidInput {
                return page.response(
                    page.message(error.message), status: error.category == .notFound ? .notFound : .badRequest)
            }
        }
        router.post("forms/:tenant/:key") { request, context in
            let slug = context.parameters.get("tenant") ?? ""
            let key = context.parameters.get("key") ?? ""
            try await services.limiter.enforce(
                "form:\(slug)/\(key):\(context.clientAddress)", limit: Self.submissionsPerHour,
                window: .seconds(3600), message: "too many submissions; try again later")
            let contentType = request.headers[.contentType] ?? ""
            let body = Array(buffer: try await request.body.collect(upTo: services.settings.maxBodyBytes))
            let page = WebFormPage(english: PublicPage.prefersEnglish(request))
            let isJSON = contentType.hasPrefix("application/json")
            let (submission, field) = try Self.submission(contentType: contentType, body: body)
            if !isJSON, Self.looksAutomated(field, now: Date()) {
                context.logger.info(
                    "web form post dropped as automated", metadata: ["tenant": "\(slug)", "form": "\(key)"])
                return page.response(page.received(), status: .created)
            }
            do {
                let ticket = try await services.webForms.submit(tenant: slug, key: key, submission)
                if isJSON {
                    return try Self.json([
                        "ticket": .object([
                            "id": .string(ticket.id.description), "number": .number(Double(ticket.number)),
                        ])
                    ])
                }
                return page.response(page.sent(ticket), status: .created)
            } catch let error as AppError where !isJSON && error.category == .invalidInput {
                return page.response(page.message(error.message), status: .badRequest)
            }
        }
    }

    /// Reads the submission from JSON, multipart/form-data or a plain form post, with the
    /// post's raw text fields (none for JSON).
    static func submission(contentType: String, body: [UInt8]) throws -> (
        WebFormSubmission, @Sendable (String) -> String?
    ) {
        if contentType.hasPrefix("application/json") {
            do { return (try JSONDecoder().decode(WebFormSubmission.self, from: Data(body)), { _ in nil }) } catch {
                throw AppError(.invalidInput, code: "invalid_json", message: "the body is not a submission")
            }
        }
        if let multipart = MultipartFormData(contentType: contentType, body: body) {
            var submission = WebFormSubmission(fields: multipart.text)
            submission.attachments = multipart.files.map {
                WebFormFile(
                    filename: $0.filename ?? "file", contentType: $0.contentType ?? "application/octet-stream",
                    data: Data($0.bytes).base64EncodedString())
            }
            let text = multipart.textFields
            return (submission, { text[$0] })
        }
        let fields = PublicPage.formFields(String(decoding: body, as: UTF8.self))
        return (WebFormSubmission(fields: { fields[$0] }), { fields[$0] })
    }

    /// Whether a browser post was filled in by a program: the hidden `website` field has a
    /// value, or the post came less than ``minimumFillSeconds`` after the form was rendered
    /// (`rendered_at`, epoch seconds, written into the form).
    static func looksAutomated(_ field: (String) -> String?, now: Date) -> Bool {
        if let trap = field("website"), !trap.isEmpty { return true }
        if let rendered = field("rendered_at").flatMap(TimeInterval.init) {
            return now.timeIntervalSince1970 - rendered < minimumFillSeconds
        }
        return false
    }

    static func json(_ value: [String: JSONValue]) throws -> Response {
        Response(
            status: .created, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(JSONValue.object(value)))))
    }
}
