import ConciergeDomain
import Foundation

/// Tickets of the transaction's tenant.
public protocol TicketRepository: Sendable {
    /// The status of the user `assignee` names (`nil`: no such user) and whether the group
    /// `group` names exists, read together: the references almost every new ticket carries.
    func assignmentTargets(assignee: UserID?, group: GroupID?) async throws -> AssignmentTargets
    /// Inserts `ticket` with the search document of its subject and description.
    func insert(_ ticket: Ticket, searchDocument: String) async throws
    func find(id: TicketID) async throws -> Ticket?
    func find(number: Int64) async throws -> Ticket?
    /// Locks and returns the ticket (`SELECT … FOR UPDATE`) for a read-modify-write.
    func lock(id: TicketID) async throws -> Ticket?
    /// Saves `ticket`; the caller has checked the version under ``lock(id:)``.
    func update(_ ticket: Ticket, searchDocument: String?) async throws
    func list(_ query: TicketQuery) async throws -> TicketPage
    /// How many tickets match `query`, counting no further than `cap`.
    func count(_ query: TicketQuery, cap: Int) async throws -> Int
    /// The current versions of those of `ids` that exist.
    func versions(of ids: [TicketID]) async throws -> [TicketID: Int]
    /// Tickets spawned from `parent`.
    func children(of parent: TicketID) async throws -> [Ticket]
    /// Makes `target` the requester of every ticket `source` requested (merging customers).
    /// - Returns: how many tickets moved.
    func reassignRequester(from source: CustomerID, to target: CustomerID) async throws -> Int
    /// How many tickets `requester` has in each status (statuses without tickets are left out).
    func statusCounts(requester: CustomerID) async throws -> [TicketStatus: Int]
}

/// What a ticket's assignee and group references point at (see
/// ``TicketRepository/assignmentTargets(assignee:group:)``).
public struct AssignmentTargets: Sendable, Equatable {
    public var assigneeStatus: UserStatus?
    public var groupExists: Bool

    public init(assigneeStatus: UserStatus?, groupExists: Bool) {
        self.assigneeStatus = assigneeStatus
        self.groupExists = groupExists
    }
}
