import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `/survey/{secret}`: the page a survey email links to. It needs no login (the secret in the
/// link is the credential), shows the question in the customer's language and takes one
/// answer, as a form post or as JSON.
struct SurveyPageRoutes {
    let services: HTTPServices

    func register(on router: Router<AppRequestContext>) {
        router.get("survey/:secret") { request, context in
            let secret = context.parameters.get("secret") ?? ""
            let page = SurveyPage(english: Self.prefersEnglish(request))
            do {
                let found = try await services.satisfaction.survey(secret: secret)
                return page.response(page.form(found.survey, ticket: found.ticket))
            } catch let error as AppError where error.category == .notFound {
                return page.response(page.message(page.text.notFound), status: .notFound)
            }
        }
        router.post("survey/:secret") { request, context in
            let secret = context.parameters.get("secret") ?? ""
            let page = SurveyPage(english: Self.prefersEnglish(request))
            let isJSON = request.headers[.contentType]?.hasPrefix("application/json") == true
            let answer: SurveyAnswer
            if isJSON {
                answer = try await request.decodeBody(as: SurveyAnswer.self, context: context)
            } else {
                let body = try await request.body.collect(upTo: 16_384)
                answer = SurveyAnswer(form: String(buffer: body))
            }
            guard let rating = answer.rating else {
                throw AppError(.invalidInput, code: "missing_field", message: "is required", field: "rating")
            }
            do {
                let survey = try await services.satisfaction.answer(
                    secret: secret, rating: rating, comment: answer.comment)
                if isJSON { return try Self.json(["rating": survey.rating ?? rating]) }
                return page.response(page.message(page.text.thanks))
            } catch let error as AppError where !isJSON && error.category != .unavailable {
                let text =
                    error.code == "already_answered"
                    ? page.text.answered
                    : error.code == "expired"
                        ? page.text.expired
                        : error.category == .notFound ? page.text.notFound : error.message
                return page.response(page.message(text), status: error.category == .notFound ? .notFound : .badRequest)
            }
        }
    }

    static func prefersEnglish(_ request: Request) -> Bool { PublicPage.prefersEnglish(request) }

    static func json(_ value: [String: Int]) throws -> Response {
        let data = try JSONEncoder().encode(value)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// An answer from the survey page: a rating and an optional comment.
struct SurveyAnswer: Decodable, Sendable {
    var rating: Int?
    var comment: String?

    init(form: String) {
        let fields = PublicPage.formFields(form)
        rating = fields["rating"].flatMap { Int($0) }
        comment = fields["comment"]
    }
}
