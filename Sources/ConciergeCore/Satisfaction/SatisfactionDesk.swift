import ConciergeDomain
import Foundation
import Logging

/// CSAT and NPS surveys, from the solved ticket to the answer.
///
/// When a ticket is solved, a CSAT survey is planned `delay` later (once per ticket). The
/// scheduler sends due surveys: a new random secret per survey goes into the link (only its
/// digest is kept), the email is queued with the ticket's number and subject. The link opens
/// a page that needs no login; the answer is accepted once, before the link expires, and
/// recorded on the ticket as `ticket.satisfaction_received` (triggers listen to it).
public struct SatisfactionDesk: Sendable {
    /// Link secrets start with this.
    public static let secretPrefix = "srv_"

    /// When surveys go out and how long their links live.
    public struct Policy: Sendable {
        public var delay: Duration
        public var lifetime: Duration
        /// The public base URL links point at (`CONCIERGE_PUBLIC_URL`).
        public var publicURL: String

        public init(delay: Duration = .seconds(3600), lifetime: Duration = .seconds(14 * 86400), publicURL: String) {
            self.delay = delay
            self.lifetime = lifetime
            self.publicURL = publicURL
        }
    }

    let store: any TenantStore
    let directory: any SatisfactionDirectory
    let policy: Policy
    let desk: TicketDesk
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, directory: any SatisfactionDirectory, policy: Policy,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.directory = directory
        self.policy = policy
        self.desk = TicketDesk(store: store, now: now)
        self.now = now
    }

    /// Plans the CSAT survey of a ticket that was just solved (no second one for a ticket).
    public func planSurvey(for ticketID: TicketID, tenant: TenantID) async throws {
        let at = now()
        try await store.transaction(tenant) { tx in try await planSurvey(for: ticketID, tx: tx, at: at) }
    }

    /// ``planSurvey(for:tenant:)`` inside the caller's transaction.
    func planSurvey(for ticketID: TicketID, tx: any TenantTransaction, at: Date) async throws {
        guard let ticket = try await tx.tickets.find(id: ticketID), ticket.status == .solved else { return }
        let sendAt = at.addingTimeInterval(Self.seconds(policy.delay))
        _ = try await tx.satisfaction.insert(
            SatisfactionSurvey(
                kind: .csat, ticketID: ticket.id, customerID: ticket.requesterID, agentID: ticket.assigneeID,
                sendAt: sendAt, expiresAt: sendAt.addingTimeInterval(Self.seconds(policy.lifetime)), createdAt: at))
    }

    /// Plans an NPS survey for a customer, sent at once.
    public func planNPS(for customer: CustomerID, tenant: TenantID) async throws -> SatisfactionSurvey {
        let at = now()
        return try await store.transaction(tenant) { tx in
            guard try await tx.customers.find(id: customer) != nil else { throw AppError.notFound("customer") }
            let survey = SatisfactionSurvey(
                kind: .nps, ticketID: nil, customerID: customer, agentID: nil, sendAt: at,
                expiresAt: at.addingTimeInterval(Self.seconds(policy.lifetime)), createdAt: at)
            _ = try await tx.satisfaction.insert(survey)
            return survey
        }
    }

    /// Sends the tenant's due surveys. - Returns: how many were queued for sending.
    public func sendDue(tenant: TenantID) async throws -> Int {
        let at = now()
        return try await store.transaction(tenant) { tx in
            var sent = 0
            for survey in try await tx.satisfaction.due(at: at, limit: 200) {
                let secret = SecretToken.generate(prefix: Self.secretPrefix)
                try await tx.satisfaction.markSent(survey.id, digest: SecretToken.digest(secret), at: at)
                guard let customer = try await tx.customers.find(id: survey.customerID),
                    let address = customer.emails.first
                else { continue }
                let ticket = try await survey.ticketID.asyncMap { try await tx.tickets.find(id: $0) } ?? nil
                let message = SurveyMessage(
                    kind: survey.kind, link: "\(policy.publicURL)/survey/\(secret)", customerName: customer.name,
                    ticket: ticket, locale: customer.locale)
                try await OutgoingEmail.queue(
                    to: address, subject: message.subject, body: message.body, ticketID: survey.ticketID,
                    tenant: tenant, source: "satisfaction:\(survey.kind.rawValue)", tx: tx, at: at)
                sent += 1
            }
            return sent
        }
    }

    /// The survey behind a link, for the public page. - Throws: `notFound`.
    public func survey(secret: String) async throws -> (survey: SatisfactionSurvey, ticket: Ticket?) {
        let digest = SecretToken.digest(secret)
        guard secret.hasPrefix(Self.secretPrefix), let tenant = try await directory.tenant(ofDigest: digest) else {
            throw AppError.notFound("survey")
        }
        return try await store.transaction(tenant) { tx in
            guard let survey = try await tx.satisfaction.find(digest: digest) else { throw AppError.notFound("survey") }
            let ticket = try await survey.ticketID.asyncMap { try await tx.tickets.find(id: $0) } ?? nil
            return (survey, ticket)
        }
    }

    /// Records the answer given through a link.
    /// - Throws: `notFound`; `invalidInput` for a rating out of range or a comment over 5000
    ///   characters; `conflict` (`already_answered`, `expired`).
    public func answer(secret: String, rating: Int, comment: String?) async throws -> SatisfactionSurvey {
        let digest = SecretToken.digest(secret)
        guard secret.hasPrefix(Self.secretPrefix), let tenant = try await directory.tenant(ofDigest: digest) else {
            throw AppError.notFound("survey")
        }
        let at = now()
        let comment = try Self.checkedComment(comment)
        return try await store.transaction(tenant) { tx in
            guard let survey = try await tx.satisfaction.find(digest: digest) else { throw AppError.notFound("survey") }
            return try await record(survey, rating: rating, comment: comment, source: "email", tx: tx, at: at)
        }
    }

    /// Records the rating a customer gives their solved or closed request in the portal, on the
    /// request's CSAT survey: the same row the survey email answers (so the customer 360, the
    /// results and the triggers see it alike). A survey the worker has not planned yet is
    /// planned now; one not emailed yet is marked sent, so no email asks again.
    /// - Throws: `conflict` (`not_solved`, `already_answered`, `expired`); `invalidInput`.
    func answer(ticket: Ticket, rating: Int, comment: String?, tx: any TenantTransaction, at: Date) async throws
        -> SatisfactionSurvey
    {
        let comment = try Self.checkedComment(comment)
        guard ticket.status == .solved || ticket.status == .closed else {
            throw AppError(.conflict, code: "not_solved", message: "a request is rated once it is solved")
        }
        var survey = try await tx.satisfaction.surveys(ofTicket: ticket.id).first { $0.kind == .csat }
        if survey == nil {
            let sendAt = at.addingTimeInterval(Self.seconds(policy.delay))
            _ = try await tx.satisfaction.insert(
                SatisfactionSurvey(
                    kind: .csat, ticketID: ticket.id, customerID: ticket.requesterID, agentID: ticket.assigneeID,
                    sendAt: sendAt, expiresAt: sendAt.addingTimeInterval(Self.seconds(policy.lifetime)),
                    createdAt: at))
            survey = try await tx.satisfaction.surveys(ofTicket: ticket.id).first { $0.kind == .csat }
        }
        guard let survey else { throw AppError.notFound("survey") }
        if survey.sentAt == nil, survey.answeredAt == nil {
            // A digest no link carries: the survey counts as delivered, through the portal.
            try await tx.satisfaction.markSent(
                survey.id, digest: SecretToken.digest(SecretToken.generate(prefix: Self.secretPrefix)), at: at)
        }
        return try await record(survey, rating: rating, comment: comment, source: "portal", tx: tx, at: at)
    }

    /// A survey comment as stored: trimmed, `nil` when empty. - Throws: over 5000 characters.
    static func checkedComment(_ comment: String?) throws -> String? {
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if let comment, comment.count > 5000 {
            throw AppError(.invalidInput, code: "too_long", message: "at most 5000 characters", field: "comment")
        }
        return comment
    }

    /// Records an answer to `survey` once, before it expires, and the ticket's
    /// `ticket.satisfaction_received` event.
    private func record(
        _ survey: SatisfactionSurvey, rating: Int, comment: String?, source: String, tx: any TenantTransaction,
        at: Date
    ) async throws -> SatisfactionSurvey {
        var survey = survey
        guard survey.kind.ratings.contains(rating) else {
            throw AppError(
                .invalidInput, code: "out_of_range",
                message: "must be \(survey.kind.ratings.lowerBound)-\(survey.kind.ratings.upperBound)",
                field: "rating")
        }
        guard survey.answeredAt == nil else {
            throw AppError(.conflict, code: "already_answered", message: "this survey was already answered")
        }
        guard survey.expiresAt > at else {
            throw AppError(.conflict, code: "expired", message: "this survey link has expired")
        }
        guard try await tx.satisfaction.answer(survey.id, rating: rating, comment: comment, at: at) else {
            throw AppError(.conflict, code: "already_answered", message: "this survey was already answered")
        }
        survey.rating = rating
        survey.comment = comment
        survey.answeredAt = at
        if let ticketID = survey.ticketID, var ticket = try await tx.tickets.find(id: ticketID) {
            ticket.updatedAt = at
            try await desk.record(
                "ticket.satisfaction_received", ticket, actor: .system("customer:\(survey.customerID)"), tx: tx,
                data: [
                    "rating": .number(Double(rating)), "comment": comment.map(JSONValue.string) ?? .null,
                    "source": .string(source),
                ])
        }
        return survey
    }

    public func surveys(ofTicket reference: TicketReference, tenant: TenantID) async throws -> [SatisfactionSurvey] {
        try await store.transaction(tenant) { tx in
            try await tx.satisfaction.surveys(ofTicket: try await TicketDesk.find(reference, in: tx).id)
        }
    }

    /// Answered CSAT or NPS surveys and their summary (average rating; for NPS the score:
    /// promoters minus detractors in percent).
    public func results(
        kind: SatisfactionSurvey.Kind, agent: UserID?, from: Date?, to: Date?, tenant: TenantID
    ) async throws -> (surveys: [SatisfactionSurvey], summary: SatisfactionSummary) {
        let answered = try await store.transaction(tenant) { tx in
            try await tx.satisfaction.answered(kind: kind, agent: agent, from: from, to: to, limit: 10_000)
        }
        return (answered, SatisfactionSummary(kind: kind, ratings: answered.compactMap(\.rating)))
    }

    static func seconds(_ duration: Duration) -> TimeInterval { TimeInterval(duration.components.seconds) }
}

/// Averages of answered surveys.
public struct SatisfactionSummary: Sendable, Equatable {
    public var responses: Int
    public var average: Double?
    /// CSAT: share of 4 and 5 in percent; NPS: promoters (9–10) minus detractors (0–6) in percent.
    public var score: Double?

    public init(kind: SatisfactionSurvey.Kind, ratings: [Int]) {
        responses = ratings.count
        guard !ratings.isEmpty else { return }
        let count = Double(ratings.count)
        average = Double(ratings.reduce(0, +)) / count
        switch kind {
        case .csat: score = 100 * Double(ratings.filter { $0 >= 4 }.count) / count
        case .nps:
            score = 100 * Double(ratings.filter { $0 >= 9 }.count - ratings.filter { $0 <= 6 }.count) / count
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
