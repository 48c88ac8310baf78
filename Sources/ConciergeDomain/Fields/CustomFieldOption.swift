/// One choice of a dropdown or multi-select field.
public struct CustomFieldOption: Sendable, Equatable, Hashable, Codable {
    /// Stored value, key-like (`on_site`); see ``Validate/key(_:field:)``.
    public var value: String
    /// What agents and customers read.
    public var labels: LocalizedText

    /// Creates an option.
    public init(value: String, labels: LocalizedText) {
        self.value = value
        self.labels = labels
    }
}
