import ConciergeConnectors
import Foundation
import Logging

extension SMTPTestServer {
    /// A client configuration for this server that trusts its self-signed certificate.
    func configuration(
        security: SMTPConfiguration.Security = .startTLS,
        certificateTrust: SMTPConfiguration.CertificateTrust? = nil,
        credentials: SMTPCredentials? = SMTPCredentials(username: username, password: password)
    ) -> SMTPConfiguration {
        SMTPConfiguration(
            host: "127.0.0.1", port: port, security: security,
            certificateTrust: certificateTrust ?? .certificateAuthorityFile(certificatePath),
            credentials: credentials, clientHostname: "client.concierge-test.localhost",
            connectTimeout: .seconds(5), commandTimeout: .seconds(5), dataTimeout: .seconds(5))
    }

    /// A client for this server; see ``configuration(security:certificateTrust:credentials:)``.
    func client(
        security: SMTPConfiguration.Security = .startTLS,
        certificateTrust: SMTPConfiguration.CertificateTrust? = nil,
        credentials: SMTPCredentials? = SMTPCredentials(username: username, password: password),
        logger: Logger = Logger(label: "concierge.smtp.tests")
    ) throws -> SMTPClient {
        try SMTPClient(
            configuration: configuration(
                security: security, certificateTrust: certificateTrust, credentials: credentials),
            logger: logger)
    }

    /// Options for a server that requires STARTTLS-protected AUTH, like a real submission server.
    static let submission = Options(tls: .starttls, credentials: (username, password))
}

extension EmailMessage {
    /// A ticket notification in Chinese, as the product sends them.
    static func ticketUpdate(to recipients: [EmailAddress] = [EmailAddress("zhang@example.com", displayName: "张三")])
        -> EmailMessage
    {
        EmailMessage(
            from: EmailAddress("support@acme.example", displayName: "客服中心"),
            to: recipients,
            subject: "您的工单 #1001 已更新",
            textBody: "您好，\n您的工单 #1001 已更新。\n",
            htmlBody: "<p>您好，</p><p>您的工单 <b>#1001</b> 已更新。</p>",
            date: Date(timeIntervalSince1970: 1_793_000_000))
    }
}
