import ConciergeConnectors
import Foundation
import Testing

@Suite(
    "A generic REST connector against the stub's HMAC-checking endpoint",
    .enabled(if: ERPStubServer.toolsAreInstalled, "needs python3"))
struct GenericRESTConnectorTests {
    static let summary = TicketSummaryPayload(
        ticketNumber: "#1042", subject: "水泵漏油", summary: "二号车间水泵漏油", status: "open", priority: "high",
        customerExternalID: "C-7", organizationExternalID: nil, url: "https://help.example.cn/agent/tickets/1042",
        openedAt: Date(timeIntervalSince1970: 1_714_521_600), updatedAt: Date(timeIntervalSince1970: 1_714_525_200))

    @Test("The rendered body goes out signed; a wrong secret is a permanent refusal, a 503 retryable")
    func signedTemplatedRequests() async throws {
        let hmac = ERPStubServer.Configuration.HMAC()
        let script = ["signed": [ERPStubServer.Configuration.Answer(status: 503, body: "busy")]]
        try await ERPStubServer.run(.init(hmac: hmac, script: script)) { server in
            // given a connector with its own body template, and one with the wrong secret
            let template = JSONTemplate(
                #"{"ref": "{{delivery_id}}", "kind": "{{event}}", "no": "{{ticket.number}}", "who": "{{ticket.customer_external_id}}", "org": "{{ticket.organization_external_id}}"}"#
            )
            func connector(_ secret: String) -> GenericRESTConnector {
                GenericRESTConnector(
                    baseURL: server.baseURL, path: "/signed/echo",
                    auth: .hmac(HMACSigningKey(keyID: hmac.keyId, secret: secret)), template: template,
                    transport: ERPStubServer.transport)
            }

            // when the first attempt meets a 503, the retry goes through, and a wrongly keyed one is sent
            let busy = await connector(hmac.secret).send(Self.summary, event: "ticket.updated", deliveryID: "d-1")
            let sent = await connector(hmac.secret).send(Self.summary, event: "ticket.updated", deliveryID: "d-1")
            let refused = await connector("wrong").send(Self.summary, event: "ticket.updated", deliveryID: "d-2")

            // then
            guard case .retryable = busy else {
                Issue.record("\(busy)")
                return
            }
            #expect(sent == .delivered(summary: "rest answered HTTP 200"))
            guard case .permanent(let reason) = refused else {
                Issue.record("\(refused)")
                return
            }
            #expect(reason.contains("401"))
            let body = try #require(try server.receivedRequests().dropFirst().first?.json)
            #expect(body["ref"] as? String == "d-1" && body["kind"] as? String == "ticket.updated")
            #expect(body["no"] as? String == "#1042" && body["who"] as? String == "C-7")
            #expect(body["org"] is NSNull)
        }
    }

    @Test("Without a template the ticket is sent in the default shape")
    func defaultBody() throws {
        let names = try #require(
            GenericRESTConnector.defaultTemplate.text.components(separatedBy: "{{").dropFirst().map {
                String($0.prefix { $0 != "}" })
            })
        #expect(Set(names).isSubset(of: GenericRESTConnector.templateNames))
    }
}
