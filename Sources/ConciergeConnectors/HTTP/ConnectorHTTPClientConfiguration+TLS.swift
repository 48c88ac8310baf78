import NIOSSL

extension ConnectorHTTPClientConfiguration {
    /// The TLS context for `https` URLs: TLS 1.2 or later, the configured trust, and NIOSSL's
    /// hostname verification.
    ///
    /// Made once per client: loading a trust store is too slow to repeat for every request.
    /// - Throws: ``ConnectorHTTPError/tlsFailure(_:)`` when the CA file cannot be read.
    func makeSSLContext() throws(ConnectorHTTPError) -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        switch certificateTrust {
        case .systemDefault:
            break
        case .certificateAuthorityFile(let path):
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            } catch {
                throw .tlsFailure("cannot read CA file \(path): \(error)")
            }
        case .insecureNoCertificateVerification:
            tls.certificateVerification = .none
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw .tlsFailure("cannot create the TLS context: \(error)")
        }
    }
}
