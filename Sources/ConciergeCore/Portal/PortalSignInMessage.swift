import ConciergeDomain
import Foundation

/// The email that carries a portal sign-in link, in the customer's language (Chinese unless
/// the customer, or the page they asked from, reads English).
struct PortalSignInMessage {
    let tenantName: String
    let customerName: String
    let link: String
    let minutes: Int
    let locale: Tenant.Locale

    private var english: Bool { locale == .en }

    var subject: String {
        english ? "Your sign-in link for \(tenantName) support" : "登录 \(tenantName) 服务中心"
    }

    var body: String { text(link: link) }

    /// The body as the history records it: without the link, which is a credential.
    var recordedBody: String { text(link: english ? "[sign-in link withheld]" : "[登录链接不予记录]") }

    private func text(link: String) -> String {
        if english {
            return """
                Hello \(customerName),

                Use this link to sign in to \(tenantName) support and follow your requests:
                \(link)

                It works once, within \(minutes) minutes. If you did not ask for it, ignore this email: nobody can sign in without it.
                """
        }
        return """
            \(customerName)，您好：

            请点击以下链接登录 \(tenantName) 服务中心，查看和跟进您的服务请求：
            \(link)

            链接 \(minutes) 分钟内有效，仅可使用一次。如果不是您本人操作，请忽略本邮件，没有此链接任何人都无法登录。
            """
    }
}
