/// Why a ``FieldMapping`` or a ``JSONTemplate`` could not be applied, naming the entry so an
/// admin can find the line of the preset to fix.
public struct FieldMappingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The mapping's target field, or the template location (e.g. `$.Subject`).
    public var entry: String
    /// What went wrong, e.g. "no value at $.Account.Name".
    public var problem: String

    /// Creates an error.
    public init(entry: String, problem: String) {
        self.entry = entry
        self.problem = problem
    }

    /// `field mapping 'email': no value at $.properties.email`.
    public var description: String { "field mapping '\(entry)': \(problem)" }
}
