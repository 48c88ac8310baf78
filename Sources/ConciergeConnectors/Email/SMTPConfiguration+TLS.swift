import NIOCore
import NIOSSL

extension SMTPConfiguration {
    /// The TLS context for this configuration, or `nil` when it never uses TLS.
    ///
    /// Made once per client: loading a trust store is too slow to repeat for every message.
    func makeSSLContext() throws(SMTPError) -> NIOSSLContext? {
        guard security != .plaintext else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        switch certificateTrust {
        case .systemDefault:
            break
        case .certificateAuthorityFile(let path):
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            } catch {
                throw SMTPError(kind: .invalidConfiguration, detail: "cannot read CA file \(path): \(error)")
            }
        case .noVerification:
            tls.certificateVerification = .none
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw SMTPError(kind: .invalidConfiguration, detail: "cannot create TLS context: \(error)")
        }
    }

    /// The name sent for SNI and checked against the certificate; `nil` for an IP address,
    /// which SNI cannot carry (the certificate is then checked against the address).
    var serverNameIndication: String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }
}
