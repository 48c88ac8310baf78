import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// "My requests", for the signed-in customer (signed out: to the sign-in page, and back):
///
/// - `GET /portal/{tenant}/requests`: the customer's requests, newest activity first, 20 a
///   page; `?status=open|awaiting_you|solved` narrows, `?cursor=` pages.
/// - `GET /portal/{tenant}/requests/{number}`: one request (anyone else's, or an unknown
///   number, is the same 404).
/// - `POST …/requests/{number}/reply`: a public reply with up to 5 files
///   (`multipart/form-data`, field `files`).
/// - `POST …/requests/{number}/solve`: "this is solved".
/// - `POST …/requests/{number}/rating`: `rating` 1–5 and an optional `comment`, once solved.
/// - `GET /portal/{tenant}/files/{id}`: a file of the request or of a public reply.
///
/// Every post carries the session's CSRF token and answers with a redirect back to the request
/// and a flash message (post/redirect/get).
struct PortalRequestRoutes {
    let services: HTTPServices
    let gate: PortalGate

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("requests") { request, context in
            let visit = try await gate.visit(request, context)
            let visitor = try gate.visitor(visit, request)
            let query = request.uri.queryParameters
            let filter = query.get("status").flatMap(PortalRequestFilter.init(rawValue:)) ?? .all
            let cursor = query.get("cursor").flatMap { $0.isEmpty ? nil : $0 }
            let page = try await services.portal.requests(visitor, filter: filter, cursor: cursor)
            let site = try await services.portal.site(visit.tenant)
            return gate.page(
                "portal-requests", PortalPages.Requests(page: page, filter: filter, cursor: cursor, visit: visit),
                visit,
                site: site)
        }
        group.get("requests/:number") { request, context in
            let visit = try await gate.visit(request, context)
            let visitor = try gate.visitor(visit, request)
            let found = try await services.portal.request(visitor, number: try Self.number(context))
            let site = try await services.portal.site(visit.tenant)
            return gate.page("portal-request", PortalRequestView(found, visit: visit, site: site), visit, site: site)
        }
        group.post("requests/:number/reply") { request, context in
            var request = request
            let visit = try await gate.visit(request, context)
            let visitor = try gate.visitor(visit, request)
            let number = try Self.number(context)
            let form = try await gate.form(&request, context, visit, anonymous: false, limit: gate.uploadLimit)
            let files = try await PostedForm.files(in: request).map {
                PortalUpload(
                    filename: $0.filename ?? "file", contentType: $0.contentType ?? "application/octet-stream",
                    bytes: $0.bytes)
            }
            let flash: PortalFlash
            do {
                _ = try await services.portal.reply(visitor, number: number, body: form["body"] ?? "", files: files)
                flash = .replySent
            } catch let error as AppError where error.category == .invalidInput || error.category == .conflict {
                flash =
                    error.code == "ticket_closed"
                    ? .closed : error.field == "body" ? .emptyReply : .fileRefused
            }
            return gate.redirect(visit.paths.request(number), visit, flash: flash)
        }
        group.post("requests/:number/solve") { request, context in
            var request = request
            let visit = try await gate.visit(request, context)
            let visitor = try gate.visitor(visit, request)
            let number = try Self.number(context)
            _ = try await gate.form(&request, context, visit, anonymous: false)
            let flash: PortalFlash
            do {
                _ = try await services.portal.markSolved(visitor, number: number)
                flash = .solved
            } catch let error as AppError where error.category == .invalidInput || error.category == .conflict {
                flash = error.code == "ticket_closed" ? .closed : .notSolvable
            }
            return gate.redirect(visit.paths.request(number), visit, flash: flash)
        }
        group.post("requests/:number/rating") { request, context in
            var request = request
            let visit = try await gate.visit(request, context)
            let visitor = try gate.visitor(visit, request)
            let number = try Self.number(context)
            let form = try await gate.form(&request, context, visit, anonymous: false)
            let flash: PortalFlash
            do {
                guard let rating = form["rating"].flatMap({ Int($0) }) else {
                    throw AppError(.invalidInput, code: "missing_field", message: "is required", field: "rating")
                }
                _ = try await services.portal.rate(visitor, number: number, rating: rating, comment: form["comment"])
                flash = .rated
            } catch let error as AppError where error.category == .invalidInput || error.category == .conflict {
                flash =
                    switch error.code {
                    case "already_answered": .alreadyRated
                    case "expired": .ratingExpired
                    default: .ratingInvalid
                    }
            }
            return gate.redirect(visit.paths.request(number), visit, flash: flash)
        }
        group.get("files/:attachment") { request, context in
            let visit = try await gate.visit(request, context)
            let visitor = try gate.visitor(visit, request)
            guard let id = context.parameters.get("attachment").flatMap({ AttachmentID($0) }) else {
                throw AppError.notFound("file")
            }
            let (file, bytes) = try await services.portal.download(visitor, attachment: id)
            let encoded = file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
            return Response(
                status: .ok,
                headers: [
                    .contentType: file.contentType, .contentLength: "\(bytes.count)",
                    .contentDisposition: "attachment; filename*=UTF-8''\(encoded)",
                    .xContentTypeOptions: "nosniff", .cacheControl: "private, no-store",
                    .contentSecurityPolicy: "default-src 'none'; sandbox",
                ],
                body: .init(byteBuffer: .init(bytes: bytes)))
        }
    }

    /// The request number of the path; anything else is not found.
    static func number(_ context: some RequestContext) throws -> Int64 {
        guard let text = context.parameters.get("number"), let number = Int64(text), number > 0 else {
            throw AppError.notFound("request")
        }
        return number
    }
}
