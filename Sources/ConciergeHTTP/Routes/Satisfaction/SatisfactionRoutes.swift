import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `/api/v1/tickets/{ticket}/satisfaction`, `/api/v1/satisfaction` (results by agent and
/// period) and `/api/v1/customers/{id}/nps-surveys`.
struct SatisfactionRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("tickets/:ticket/satisfaction", requires: .ticketsRead) { _, context in
            let surveys = try await services.satisfaction.surveys(
                ofTicket: try context.ticket(), tenant: context.identity.tenantID)
            return Page(key: "surveys", items: surveys.map(SurveyRepresentation.init), nextCursor: nil)
        }
        api.get("satisfaction", requires: .ticketsRead) { request, context in
            let query = request.uri.queryParameters
            guard let kind = SatisfactionSurvey.Kind(rawValue: query["kind"].map(String.init) ?? "csat") else {
                throw AppError(.invalidInput, code: "invalid_parameter", message: "must be csat or nps", field: "kind")
            }
            var agent: UserID?
            if let text = query["agent_id"] {
                guard let id = UserID(String(text)) else {
                    throw AppError(.invalidInput, code: "invalid_parameter", message: "is not an id", field: "agent_id")
                }
                agent = id
            }
            let from = try request.queryDate("from")
            let to = try request.queryDate("to")
            let results = try await services.satisfaction.results(
                kind: kind, agent: agent, from: from, to: to, tenant: context.identity.tenantID)
            return SatisfactionResults(
                kind: kind.rawValue, responses: results.summary.responses, average: results.summary.average,
                score: results.summary.score, surveys: results.surveys.prefix(200).map(SurveyRepresentation.init))
        }
        api.post("customers/:customer/nps-surveys", requires: .customersWrite) { _, context in
            let survey = try await services.satisfaction.planNPS(
                for: try context.customerID(), tenant: context.identity.tenantID)
            return EditedResponse(
                status: .created, response: Wrapped(key: "survey", item: SurveyRepresentation(survey)))
        }
    }
}

struct SatisfactionResults: ResponseEncodable {
    var kind: String
    var responses: Int
    var average: Double?
    var score: Double?
    var surveys: [SurveyRepresentation]
}

/// A survey as the API shows it (never its link secret).
struct SurveyRepresentation: Encodable, Sendable {
    var id: UUID
    var kind: String
    var ticketId: TicketID?
    var customerId: CustomerID
    var agentId: UserID?
    var sendAt: Date
    var sentAt: Date?
    var expiresAt: Date
    var answeredAt: Date?
    var rating: Int?
    var comment: String?

    init(_ survey: SatisfactionSurvey) {
        id = survey.id
        kind = survey.kind.rawValue
        ticketId = survey.ticketID
        customerId = survey.customerID
        agentId = survey.agentID
        sendAt = survey.sendAt
        sentAt = survey.sentAt
        expiresAt = survey.expiresAt
        answeredAt = survey.answeredAt
        rating = survey.rating
        comment = survey.comment
    }
}
