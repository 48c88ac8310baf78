import ConciergeDomain
import Foundation

/// The email that carries a survey link, in the customer's language (Chinese by default).
struct SurveyMessage {
    let kind: SatisfactionSurvey.Kind
    let link: String
    let customerName: String
    let ticket: Ticket?
    let locale: Tenant.Locale?

    private var english: Bool { locale == .en }

    var subject: String {
        switch (kind, english) {
        case (.csat, false): "您对工单 #\(ticket?.number ?? 0) 的服务满意吗？"
        case (.csat, true): "How did we do on request #\(ticket?.number ?? 0)?"
        case (.nps, false): "您会向朋友推荐我们吗？"
        case (.nps, true): "Would you recommend us to a friend?"
        }
    }

    var body: String {
        let subjectLine = ticket.map { "「\($0.subject)」" } ?? ""
        switch (kind, english) {
        case (.csat, false):
            return """
                \(customerName)，您好：

                您的请求 #\(ticket?.number ?? 0)\(subjectLine)已处理完毕。请花一分钟为本次服务打分（1–5 分）：
                \(link)

                链接仅可使用一次，过期后失效。
                """
        case (.csat, true):
            return """
                Hello \(customerName),

                Your request #\(ticket?.number ?? 0) \(subjectLine) has been solved. Please rate our service (1–5):
                \(link)

                The link works once and expires.
                """
        case (.nps, false):
            return """
                \(customerName)，您好：

                从 0 到 10，您有多大可能向朋友或同事推荐我们？
                \(link)
                """
        case (.nps, true):
            return """
                Hello \(customerName),

                On a scale of 0 to 10, how likely are you to recommend us to a friend or colleague?
                \(link)
                """
        }
    }
}
