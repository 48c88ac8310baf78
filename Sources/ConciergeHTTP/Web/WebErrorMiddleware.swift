import ConciergeCore
import ConciergeDomain
import Hummingbird
import Logging

/// Shows failures of the web pages as an HTML page in the visitor's language (from
/// `Accept-Language`) instead of the JSON envelope of the API; the status stays the same.
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let resources: WebResources

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let envelope = ErrorEnvelope(error)
            if envelope.status == .internalServerError {
                context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            let catalogue = resources.catalogue(PublicPage.prefersEnglish(request) ? .en : .zhCN)
            let key =
                switch envelope.status {
                case .notFound: "error_not_found"
                case .forbidden: "error_forbidden"
                default: "error_generic"
                }
            struct ErrorPage {
                let message: String
            }
            let frame = WebFrame(resources: resources, catalogue: catalogue, csrfToken: "", userName: nil, flash: nil)
            let page = ErrorPage(message: catalogue.text(key, ["requestID": context.requestID]))
            return WebResponse.html(resources.render("error", page: page, frame: frame), status: envelope.status)
        }
    }
}
