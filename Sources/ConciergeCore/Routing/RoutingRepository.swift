import ConciergeDomain
import Foundation

/// Group routing settings and agent presence of the transaction's tenant.
public protocol RoutingRepository: Sendable {
    /// The group's settings; manual routing that keeps tickets when none are stored.
    func settings(of group: GroupID) async throws -> GroupRouting
    func save(_ settings: GroupRouting, for group: GroupID, at date: Date) async throws
    /// Stores the round-robin cursor and the chosen agent's last assignment time.
    func recordAssignment(group: GroupID, cursor: UserID?, agent: UserID, at date: Date) async throws
    /// The presence of `users` (offline with the default capacity for those without a row).
    func presence(of users: [UserID]) async throws -> [UserID: AgentPresence]
    func save(_ presence: AgentPresence, of user: UserID, at date: Date) async throws
    /// How many new or open tickets each of `users` is assigned.
    func openTicketCounts(of users: [UserID]) async throws -> [UserID: Int]
    /// The groups `user` belongs to.
    func groups(of user: UserID) async throws -> [GroupID]
    /// The new and open tickets assigned to `user` in `group`.
    func openTickets(of user: UserID, in group: GroupID) async throws -> [Ticket]
}

/// How a group hands out its unassigned tickets, and what happens to an agent's tickets when
/// they go offline.
public struct GroupRouting: Sendable, Equatable, Codable {
    public var method: RoutingMethod
    public var reroutePolicy: ReroutePolicy
    /// The last agent round robin chose.
    public var cursor: UserID?

    public init(method: RoutingMethod = .manual, reroutePolicy: ReroutePolicy = .keep, cursor: UserID? = nil) {
        self.method = method
        self.reroutePolicy = reroutePolicy
        self.cursor = cursor
    }

    enum CodingKeys: String, CodingKey {
        case method
        case reroutePolicy = "reroute_policy"
        case cursor
    }
}

/// Whether an agent takes tickets now, and how many open ones they can carry.
public struct AgentPresence: Sendable, Equatable {
    public static let defaultCapacity = 20

    public var availability: AgentAvailability
    public var capacity: Int
    public var lastAssignedAt: Date?

    public init(
        availability: AgentAvailability = .offline, capacity: Int = defaultCapacity, lastAssignedAt: Date? = nil
    ) {
        self.availability = availability
        self.capacity = capacity
        self.lastAssignedAt = lastAssignedAt
    }
}
