import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

/// CSAT from the solved ticket to the answer, against the real database.
@Suite struct SatisfactionTests {
    static let actor = Actor.system("test")

    static func desk(_ platform: Platform, at date: Date) -> SatisfactionDesk {
        SatisfactionDesk(
            store: platform.store,
            directory: SatisfactionPostgresDirectory(client: platform.postgres, logger: platform.logger),
            policy: .init(delay: .seconds(3600), lifetime: .seconds(86400), publicURL: "https://help.example.cn"),
            now: { date })
    }

    /// A solved ticket and the link its survey email carries, sent an hour after solving.
    static func solvedAndSent(_ platform: Platform) async throws -> (TenantID, Ticket, String) {
        let tenant = try await platform.makeTenant().tenant.id
        let ticket = try await platform.tickets.create(
            NewTicket(
                subject: "打印机卡纸", description: "第二个纸盒",
                requester: .contact(email: "wang@example.cn", phone: nil, name: "王")),
            actor: actor, tenant: tenant)
        let solved = try await platform.tickets.update(
            .id(ticket.id), TicketChange(status: .solved), expectedVersion: nil, actor: actor, tenant: tenant)
        try await Self.desk(platform, at: .now).planSurvey(for: solved.id, tenant: tenant)
        try await Self.desk(platform, at: .now).planSurvey(for: solved.id, tenant: tenant)  // a redelivery
        #expect(try await Self.desk(platform, at: .now).sendDue(tenant: tenant) == 0)  // not yet
        let later = Date().addingTimeInterval(3601)
        #expect(try await Self.desk(platform, at: later).sendDue(tenant: tenant) == 1)
        let queued = try await platform.store.transaction(tenant) { tx in
            try await tx.events.history(subjectType: "ticket", subjectID: ticket.id.description)
        }.filter { $0.event.type == "email.queued" }
        #expect(queued.count == 1)
        let email = try #require(queued.first?.event.data)
        #expect(email["to"] == .string("wang@example.cn"))
        #expect(email["subject"]?.stringValue?.contains("#\(ticket.number)") == true)
        let body = email["body"]?.stringValue ?? ""
        let link = try #require(body.split(separator: "\n").first { $0.hasPrefix("https://help.example.cn/survey/") })
        return (tenant, solved, String(link.dropFirst("https://help.example.cn/survey/".count)))
    }

    @Test func aSolvedTicketsSurveyIsSentOnceAnsweredOnceAndCounted() async throws {
        try await withTestPlatform { platform in
            let (tenant, ticket, secret) = try await Self.solvedAndSent(platform)
            let desk = Self.desk(platform, at: Date().addingTimeInterval(7200))
            // the page finds the survey
            let found = try await desk.survey(secret: secret)
            #expect(found.survey.kind == .csat && found.ticket?.id == ticket.id)
            // a rating out of range is refused, a good one recorded once
            await #expect(throws: AppError.self) { _ = try await desk.answer(secret: secret, rating: 6, comment: nil) }
            let answered = try await desk.answer(secret: secret, rating: 5, comment: "  很快解决了  ")
            #expect(answered.rating == 5 && answered.comment == "很快解决了")
            let again = await #expect(throws: AppError.self) {
                _ = try await desk.answer(secret: secret, rating: 1, comment: nil)
            }
            #expect(again?.code == "already_answered")
            // the ticket's history has it (triggers listen to it), and the results count it
            let history = try await platform.store.transaction(tenant) { tx in
                try await tx.events.history(subjectType: "ticket", subjectID: ticket.id.description)
            }
            #expect(
                history.contains {
                    $0.event.type == "ticket.satisfaction_received" && $0.event.data["rating"] == .number(5)
                })
            let results = try await desk.results(kind: .csat, agent: nil, from: nil, to: nil, tenant: tenant)
            #expect(results.summary.responses == 1 && results.summary.average == 5 && results.summary.score == 100)
            // and the customer 360 shows it
            let profile = try await platform.customers.profile360(ticket.requesterID, tenant: tenant)
            #expect(profile.satisfaction.first?.rating == 5)
        }
    }

    @Test func anExpiredOrUnknownLinkIsRefused() async throws {
        try await withTestPlatform { platform in
            let (_, _, secret) = try await Self.solvedAndSent(platform)
            let expired = await #expect(throws: AppError.self) {
                _ = try await Self.desk(platform, at: Date().addingTimeInterval(3 * 86400)).answer(
                    secret: secret, rating: 4, comment: nil)
            }
            #expect(expired?.code == "expired")
            let unknown = await #expect(throws: AppError.self) {
                _ = try await Self.desk(platform, at: .now).survey(secret: "srv_nope")
            }
            #expect(unknown?.category == .notFound)
        }
    }

    @Test func npsScoresPromotersMinusDetractors() {
        let summary = SatisfactionSummary(kind: .nps, ratings: [10, 9, 8, 7, 3])
        #expect(summary.responses == 5 && summary.score == 20 && summary.average == 7.4)
        #expect(SatisfactionSummary(kind: .csat, ratings: []).average == nil)
    }
}
