import ConciergeDomain
import Foundation

/// Triggers, time-based automations and automation markers of the transaction's tenant.
public protocol RuleRepository: Sendable {
    /// Every trigger, in evaluation order (position, then key).
    func triggers() async throws -> [Trigger]
    /// Inserts or replaces `trigger` (by key). - Returns: `true` when it was new.
    func saveTrigger(_ trigger: Trigger, at date: Date) async throws -> Bool
    /// - Returns: `false` when there was no such trigger.
    func deleteTrigger(key: String) async throws -> Bool
    /// Every automation, in evaluation order.
    func automations() async throws -> [Automation]
    /// Inserts or replaces `automation` (by key). - Returns: `true` when it was new.
    func saveAutomation(_ automation: Automation, at date: Date) async throws -> Bool
    /// - Returns: `false` when there was no such automation.
    func deleteAutomation(key: String) async throws -> Bool
    /// The keys of the automations that fired for `ticket` and whose conditions still held.
    func markers(of ticket: TicketID) async throws -> Set<String>
    /// Adds and removes automation markers of `ticket`.
    func updateMarkers(of ticket: TicketID, adding: [String], removing: [String], at date: Date) async throws
    /// Unsolved tickets (new, open, pending, on hold) in id order after `cursor`: the
    /// candidates of a time-based pass, read page by page.
    func unsolvedTickets(after cursor: TicketID?, limit: Int) async throws -> [Ticket]
}
