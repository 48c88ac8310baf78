import Foundation
import Logging

/// Sends group messages as a DingTalk internal-app robot — the long-term route, which needs no
/// per-group webhook and is not subject to the custom robot's 20-per-minute limit.
///
/// `POST {base}/v1.0/robot/groupMessages/send` with the `x-acs-dingtalk-access-token` header and
/// the body `{"msgParam": "<JSON string>", "msgKey": …, "openConversationId": …, "robotCode": …}`.
/// When the API rejects the token (expired early, app secret rotated) the robot drops it, fetches
/// a new one and tries once more; a second rejection is permanent.
public struct DingTalkAppRobot: Sendable {
    private let robotCode: String
    private let tokens: DingTalkAccessTokenProvider
    private let transport: any ConnectorHTTPTransport
    private let baseURL: String
    private let timeout: Duration
    private let logger: Logger

    /// Creates a robot.
    ///
    /// - Parameters:
    ///   - robotCode: The robot's code (usually the app's AppKey).
    ///   - tokens: The app's token cache, shared by every robot of the app.
    ///   - transport: Sends the requests.
    ///   - baseURL: The API host; tests point it at 127.0.0.1.
    public init(
        robotCode: String, tokens: DingTalkAccessTokenProvider, transport: any ConnectorHTTPTransport,
        baseURL: String = DingTalkAccessTokenProvider.defaultBaseURL, timeout: Duration = .seconds(10),
        logger: Logger = Logger(label: "concierge.connectors.dingtalk-app")
    ) {
        self.robotCode = robotCode
        self.tokens = tokens
        self.transport = transport
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.timeout = timeout
        self.logger = logger
    }

    /// The group-message request for `message` to the group `conversationID`.
    ///
    /// - Throws: ``DingTalkMessageError`` for an incomplete message or a missing recipient.
    public func request(for message: DingTalkAppRobotMessage, conversationID: String, accessToken: String)
        throws(DingTalkMessageError) -> ConnectorHTTPRequest
    {
        guard !robotCode.isEmpty, !conversationID.isEmpty else { throw .missingRecipient }
        guard let components = URLComponents(string: baseURL), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", components.host?.isEmpty == false
        else { throw .invalidBaseURL }
        let body = VendorJSON.encode([
            "msgParam": try message.msgParam(), "msgKey": message.msgKey, "openConversationId": conversationID,
            "robotCode": robotCode,
        ])
        return ConnectorHTTPRequest(
            method: "POST", url: baseURL + "/v1.0/robot/groupMessages/send",
            headers: [
                ConnectorHTTPHeader("Content-Type", "application/json"),
                ConnectorHTTPHeader("x-acs-dingtalk-access-token", accessToken),
            ],
            body: body, timeout: timeout)
    }

    /// Sends `message` to the group `conversationID`, refreshing the token once if it is refused.
    public func send(_ message: DingTalkAppRobotMessage, to conversationID: String, now: Date = Date()) async
        -> ConnectorDeliveryOutcome
    {
        var outcome = ConnectorDeliveryOutcome.permanent(reason: "dingtalk app robot: not attempted")
        for attempt in 1...2 {
            let token: String
            do {
                token = try await tokens.token()
            } catch {
                outcome = error.outcome
                break
            }
            let request: ConnectorHTTPRequest
            do {
                request = try self.request(for: message, conversationID: conversationID, accessToken: token)
            } catch {
                outcome = .permanent(reason: "\(error)")
                break
            }
            let response: ConnectorHTTPResponse
            do {
                response = try await transport.send(request)
            } catch {
                outcome = ConnectorResponseClassifier.outcome(for: error, peer: "dingtalk")
                break
            }
            outcome = DingTalkAppReplyClassifier.outcome(for: response, now: now)
            logger.debug(
                "dingtalk app robot attempt finished",
                metadata: ["destination": "\(request.redactedSummary)", "try": "\(attempt)", "outcome": "\(outcome)"])
            guard DingTalkAppReplyClassifier.isAuthenticationFailure(response), attempt == 1 else { break }
            await tokens.invalidate(token)
        }
        return outcome
    }
}
