import ConciergeDomain

/// Custom field definitions and ticket forms of the transaction's tenant.
public protocol CustomFieldRepository: Sendable {
    /// All definitions, in display order (position, then key).
    func definitions() async throws -> [CustomFieldDefinition]
    /// - Throws: `conflict` (`key_taken`) when the key exists.
    func insert(_ definition: CustomFieldDefinition) async throws
    func update(_ definition: CustomFieldDefinition) async throws
    /// All forms, in display order.
    func forms() async throws -> [TicketForm]
    /// - Throws: `conflict` (`key_taken`) when the key exists.
    func insert(_ form: TicketForm, position: Int) async throws
    func update(_ form: TicketForm) async throws
}
