import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// The HTML of a tenant's public web form, in Chinese or English, without script: a plain
/// `multipart/form-data` post, so files upload from any browser.
struct WebFormPage {
    struct Text {
        var title, name, email, phone, subject, description, files, submit, asset, sent, received, contactNeeded: String
    }

    static let chinese = Text(
        title: "提交服务请求", name: "姓名", email: "邮箱", phone: "手机", subject: "标题", description: "问题描述",
        files: "附件（可选）", submit: "提交", asset: "设备", sent: "已收到您的请求，工单号", received: "已收到您的请求。",
        contactNeeded: "请留下邮箱或手机，以便我们联系您。")
    static let english = Text(
        title: "Contact support", name: "Name", email: "Email", phone: "Mobile", subject: "Subject",
        description: "What happened?", files: "Files (optional)", submit: "Send", asset: "Device",
        sent: "We received your request. Ticket number", received: "We received your request.",
        contactNeeded: "Leave an email or a mobile number to reach you.")

    let english: Bool
    var text: Text { english ? Self.english : Self.chinese }

    func form(_ form: WebForm, asset: String?, signature: String?) -> String {
        let title = PublicPage.escape(form.title ?? "\(form.tenantName) · \(text.title)")
        var hidden = ""
        var about = ""
        if let asset, let signature, let found = form.asset {
            hidden = """
                <input type="hidden" name="asset" value="\(PublicPage.escape(asset))">
                <input type="hidden" name="sig" value="\(PublicPage.escape(signature))">
                """
            about = "<p>\(text.asset): \(PublicPage.escape(found.model)) (\(PublicPage.escape(found.serialNumber)))</p>"
        }
        let files =
            form.allowsAttachments
            ? #"<p><label>\#(text.files)<br><input type="file" name="files" multiple></label></p>"#
            : ""
        return """
            <h1>\(title)</h1>
            \(form.intro.map { "<p>\(PublicPage.escape($0))</p>" } ?? "")
            \(about)
            <form method="post" enctype="multipart/form-data">
            \(hidden)
            <input type="hidden" name="rendered_at" value="\(Int(Date().timeIntervalSince1970))">
            <p hidden aria-hidden="true"><label>Website<br><input name="website" tabindex="-1" autocomplete="off"></label></p>
            <p><label>\(text.name)<br><input name="name" maxlength="200" autocomplete="name"></label></p>
            <p><label>\(text.email)<br><input name="email" type="email" maxlength="254" autocomplete="email"></label></p>
            <p><label>\(text.phone)<br><input name="phone" type="tel" maxlength="32" autocomplete="tel"></label></p>
            <p><small>\(text.contactNeeded)</small></p>
            <p><label>\(text.subject)<br><input name="subject" maxlength="200"></label></p>
            <p><label>\(text.description)<br><textarea name="description" rows="6" cols="50" required maxlength="20000"></textarea></label></p>
            \(files)
            <p><button type="submit">\(text.submit)</button></p>
            </form>
            """
    }

    /// The answer to a post that was dropped as automated: thanks, without a number.
    func received() -> String { "<h1>\(text.title)</h1>\n<p>\(text.received)</p>" }

    func sent(_ ticket: Ticket) -> String {
        "<h1>\(text.title)</h1>\n<p>\(text.sent) #\(ticket.number)</p>"
    }

    func message(_ message: String) -> String { "<h1>\(text.title)</h1>\n<p>\(PublicPage.escape(message))</p>" }

    func response(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        PublicPage.response(title: text.title, english: english, body: body, status: status)
    }
}
