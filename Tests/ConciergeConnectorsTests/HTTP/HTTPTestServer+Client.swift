import ConciergeConnectors
import Foundation

extension HTTPTestServer {
    /// A client whose policy is the strict shared one with `allowList` opened (the test server
    /// lives on loopback), trusting this server's CA.
    func client(
        allowing allowList: [String] = ["127.0.0.1/32"], maximumResponseBodySize: Int = 1 << 20,
        sensitiveHeaders: Set<String> = ConnectorHTTPClientConfiguration.standardSensitiveHeaders
    ) throws -> ConnectorHTTPClient {
        try ConnectorHTTPClient(
            configuration: ConnectorHTTPClientConfiguration(
                addressPolicy: OutboundAddressPolicy(
                    mode: .shared, allowList: allowList.compactMap(IPAddressRange.init)),
                certificateTrust: usesTLS ? .certificateAuthorityFile(certificateAuthorityPath) : .systemDefault,
                maximumResponseBodySize: maximumResponseBodySize, sensitiveHeaders: sensitiveHeaders))
    }
}

/// What `/echo` says it received.
struct EchoedRequest: Decodable, Sendable {
    var method: String
    var target: String
    var headers: [[String]]
    var body: String
    var port: Int
    var sni: String?

    init(_ response: ConnectorHTTPResponse) throws {
        self = try JSONDecoder().decode(EchoedRequest.self, from: Data(response.body))
    }

    /// Every value of the header with this name, compared case-insensitively.
    func values(of name: String) -> [String] {
        headers.filter { $0.first?.lowercased() == name.lowercased() }.compactMap { $0.last }
    }
}

extension ConnectorHTTPResponse {
    /// The body as UTF-8 text.
    var text: String { String(decoding: body, as: UTF8.self) }
}
