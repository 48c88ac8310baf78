/// Phantom tag for ``TicketFormID``.
public enum TicketFormTag {}

/// Identifies a ticket form of one tenant.
public typealias TicketFormID = TypedID<TicketFormTag>
