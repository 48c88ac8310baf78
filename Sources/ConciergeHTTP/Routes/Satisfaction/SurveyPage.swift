import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// The HTML of the survey page, in Chinese or English; every dynamic text is escaped and the
/// page runs no script (its Content-Security-Policy allows none).
struct SurveyPage {
    struct Text {
        var title, csatQuestion, npsQuestion, comment, submit, thanks, answered, expired, notFound: String
    }

    static let chinese = Text(
        title: "服务评价", csatQuestion: "您对本次服务满意吗？（1 = 非常不满意，5 = 非常满意）",
        npsQuestion: "您有多大可能向朋友或同事推荐我们？（0–10）", comment: "留言（可选）", submit: "提交",
        thanks: "感谢您的评价！", answered: "此评价已提交过，感谢！", expired: "此评价链接已过期。", notFound: "找不到此评价。")
    static let english = Text(
        title: "Rate our service",
        csatQuestion: "How satisfied are you with our service? (1 = very unhappy, 5 = very happy)",
        npsQuestion: "How likely are you to recommend us to a friend or colleague? (0–10)",
        comment: "Comment (optional)",
        submit: "Send", thanks: "Thank you for your feedback!",
        answered: "This survey was already answered. Thank you!",
        expired: "This survey link has expired.", notFound: "This survey does not exist.")

    let english: Bool
    var text: Text { english ? Self.english : Self.chinese }

    func form(_ survey: SatisfactionSurvey, ticket: Ticket?) -> String {
        if survey.answeredAt != nil { return message(text.answered) }
        if survey.expiresAt <= Date() { return message(text.expired) }
        let question = survey.kind == .csat ? text.csatQuestion : text.npsQuestion
        let choices = survey.kind.ratings.map { value in
            #"<label><input type="radio" name="rating" value="\#(value)" required> \#(value)</label>"#
        }.joined(separator: "\n")
        let about = ticket.map { "<p>#\($0.number) \(Self.escape($0.subject))</p>" } ?? ""
        return """
            <h1>\(Self.escape(text.title))</h1>
            \(about)
            <form method="post">
            <fieldset><legend>\(Self.escape(question))</legend>
            \(choices)
            </fieldset>
            <p><label>\(Self.escape(text.comment))<br><textarea name="comment" rows="4" cols="40" maxlength="5000"></textarea></label></p>
            <p><button type="submit">\(Self.escape(text.submit))</button></p>
            </form>
            """
    }

    func message(_ message: String) -> String { "<h1>\(Self.escape(text.title))</h1>\n<p>\(Self.escape(message))</p>" }

    func response(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        PublicPage.response(title: text.title, english: english, body: body, status: status)
    }

    static func escape(_ text: String) -> String { PublicPage.escape(text) }
}
