/// Phantom tag for ``MacroID``.
public enum MacroTag {}

/// Identifies a macro of one tenant.
public typealias MacroID = TypedID<MacroTag>
