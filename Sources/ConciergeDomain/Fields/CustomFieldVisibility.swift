/// Who sees a custom field.
public enum CustomFieldVisibility: String, Sendable, Codable, CaseIterable {
    /// Visible to and editable by customers (requesters) as well as agents.
    case customer
    /// Agents only: never sent to a customer, never accepted from one.
    case `internal`
}
