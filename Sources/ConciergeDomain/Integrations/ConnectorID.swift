public enum ConnectorTag {}
public enum ConnectorDeliveryTag {}

/// Identifies a configured connector of one tenant.
public typealias ConnectorID = TypedID<ConnectorTag>
/// Identifies one message to one connector (sent to webhook receivers for de-duplication).
public typealias ConnectorDeliveryID = TypedID<ConnectorDeliveryTag>
