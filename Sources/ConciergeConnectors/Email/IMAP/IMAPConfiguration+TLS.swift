import NIOCore
import NIOSSL

extension IMAPConfiguration {
    /// Checks what can be checked before connecting, and makes the TLS context (`nil` for
    /// ``Security/plain``) once per client: loading a trust store is too slow to repeat per poll.
    func validatedSSLContext() throws(IMAPError) -> NIOSSLContext? {
        guard maximumMessageSize > 0, maximumBatchBytes > 0 else {
            throw IMAPError(kind: .invalidConfiguration, detail: "message and batch size limits must be positive")
        }
        guard security != .plain else {
            guard isLoopbackHost || allowsPlaintextToRemoteHost else {
                throw IMAPError(
                    kind: .invalidConfiguration,
                    detail: "plaintext IMAP to \(host) would send the password in clear; use .tls or .startTLS")
            }
            return nil
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        switch certificateTrust {
        case .systemDefault:
            break
        case .certificateAuthorityFile(let path):
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            } catch {
                throw IMAPError(kind: .invalidConfiguration, detail: "cannot read CA file \(path): \(error)")
            }
        case .noVerification:
            tls.certificateVerification = .none
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw IMAPError(kind: .invalidConfiguration, detail: "cannot create TLS context: \(error)")
        }
    }

    /// The name sent for SNI and checked against the certificate; `nil` for an IP address,
    /// which SNI cannot carry (the certificate is then checked against the address).
    var serverNameIndication: String? {
        IPAddress(host) == nil ? host : nil
    }

    /// Whether `host` is `localhost` or a loopback address (127.0.0.0/8, ::1).
    var isLoopbackHost: Bool {
        switch IPAddress(host) {
        case .v4(let address):
            return address >> 24 == 127
        case .v6(let high, let low):
            return high == 0 && low == 1
        case nil:
            return host.lowercased() == "localhost"
        }
    }
}
