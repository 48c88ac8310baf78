import Foundation

extension SMTPConversation {
    /// AUTH with the configured credentials (RFC 4954): PLAIN when offered, as it needs one round
    /// trip, else LOGIN. Both send the password base64-encoded, i.e. readable, so they run only
    /// over TLS unless the configuration explicitly allows otherwise.
    func authenticate() async throws(SMTPError) {
        guard let credentials = configuration.credentials else { return }
        guard isEncrypted || configuration.allowsCredentialsWithoutTLS else {
            throw SMTPError(
                kind: .authenticationRequiresTLS,
                detail: "credentials are configured but the connection to \(configuration.host) is not encrypted")
        }
        let offered = extensions.authenticationMechanisms
        if offered.contains("PLAIN") {
            let response = Self.base64("\u{0}\(credentials.username)\u{0}\(credentials.password)")
            try await expectAuthenticated(command("AUTH PLAIN \(response)", loggedAs: "AUTH PLAIN"), by: "AUTH PLAIN")
        } else if offered.contains("LOGIN") {
            // The 334 challenges ask for the username, then the password; their text varies by
            // server ("VXNlcm5hbWU6", "User Name"), so only the code is checked.
            try await expectChallenge(command("AUTH LOGIN"))
            try await expectChallenge(command(Self.base64(credentials.username), loggedAs: "AUTH LOGIN username"))
            let reply = try await command(Self.base64(credentials.password), loggedAs: "AUTH LOGIN password")
            try expectAuthenticated(reply, by: "AUTH LOGIN")
        } else {
            let offeredList = offered.isEmpty ? "none" : offered.sorted().joined(separator: " ")
            throw SMTPError(
                kind: .authenticationNotSupported,
                detail: "the server offers AUTH mechanisms \(offeredList); this client speaks PLAIN and LOGIN")
        }
    }

    private func expectChallenge(_ reply: SMTPReply) throws(SMTPError) {
        guard reply.code == 334 else {
            throw SMTPError(kind: .authenticationFailed, command: "AUTH LOGIN", reply: reply)
        }
    }

    private func expectAuthenticated(_ reply: SMTPReply, by command: String) throws(SMTPError) {
        guard reply.code == 235 else {
            // 535 bad credentials is permanent, 454 "cannot check now" retryable: the reply code
            // decides, see SMTPError.isRetryable.
            throw SMTPError(kind: .authenticationFailed, command: command, reply: reply)
        }
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
