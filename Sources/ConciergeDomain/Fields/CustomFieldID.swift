/// Phantom tag for ``CustomFieldID``.
public enum CustomFieldTag {}

/// Identifies a custom field definition of one tenant.
public typealias CustomFieldID = TypedID<CustomFieldTag>
