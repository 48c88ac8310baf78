import ConciergeDomain
import Foundation

/// One message for a connector, composed when its delivery is created so that every attempt
/// (and a replay) sends the same thing.
///
/// IM and SMS connectors send `title` and `text` (and `link` as a button or a line); the
/// webhook sends the JSON document `{id, event, occurred_at, tenant, data}` with `data` =
/// ``payload``.
public struct ConnectorMessage: Sendable, Equatable {
    public var deliveryID: ConnectorDeliveryID
    public var eventType: String
    public var occurredAt: Date
    /// The tenant's slug, so one receiver can serve several tenants.
    public var tenant: String
    public var title: String
    public var text: String
    /// The ticket in the agent workspace, when there is one.
    public var link: String?
    public var payload: JSONValue

    public init(
        deliveryID: ConnectorDeliveryID, eventType: String, occurredAt: Date, tenant: String, title: String,
        text: String, link: String?, payload: JSONValue
    ) {
        self.deliveryID = deliveryID
        self.eventType = eventType
        self.occurredAt = occurredAt
        self.tenant = tenant
        self.title = title
        self.text = text
        self.link = link
        self.payload = payload
    }

    /// The stored form (the delivery's `message` column), without the delivery id.
    public var stored: [String: JSONValue] {
        [
            "event": .string(eventType), "occurred_at": .string(Self.timestamp(occurredAt)),
            "tenant": .string(tenant), "title": .string(title), "text": .string(text),
            "link": link.map(JSONValue.string) ?? .null, "payload": payload,
        ]
    }

    /// Reads ``stored`` back for `delivery`.
    public init?(stored: [String: JSONValue], delivery: ConnectorDeliveryID) {
        guard case .string(let event)? = stored["event"], case .string(let at)? = stored["occurred_at"],
            let occurredAt = Self.parse(at), case .string(let tenant)? = stored["tenant"],
            case .string(let title)? = stored["title"], case .string(let text)? = stored["text"]
        else { return nil }
        var link: String?
        if case .string(let value)? = stored["link"] { link = value }
        self.init(
            deliveryID: delivery, eventType: event, occurredAt: occurredAt, tenant: tenant, title: title, text: text,
            link: link, payload: stored["payload"] ?? .null)
    }

    /// The webhook body: `{"id", "event", "occurred_at", "tenant", "data"}`, keys sorted.
    public func webhookBody() -> [UInt8] {
        let document: JSONValue = .object([
            "id": .string(deliveryID.description), "event": .string(eventType),
            "occurred_at": .string(Self.timestamp(occurredAt)), "tenant": .string(tenant), "data": payload,
        ])
        return Array((try? JSONEncoder.sorted.encode(document)) ?? Data("{}".utf8))
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func parse(_ text: String) -> Date? { try? Date(text, strategy: .iso8601) }
}
