/// The tags of a ticket from an inbound webhook: fixed ones (`monitoring`) plus ones read from
/// the payload, where a string gives one tag and an array one tag per element. All follow the
/// project's tag rules (``TicketTags``); payload values that break them are left out.
public struct InboundTagsMapping: Sendable, Equatable, Codable {
    /// The most fixed tags plus sources a mapping may list.
    public static let maxTags = 20

    /// Tags every ticket gets.
    public var fixed: [String]
    /// Paths or templates whose values become tags (JSON key `paths`).
    public var paths: [InboundValueSource]

    /// Creates a tags mapping.
    public init(fixed: [String] = [], paths: [InboundValueSource] = []) {
        self.fixed = fixed
        self.paths = paths
    }

    /// Decodes a tags mapping; either list may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fixed = try container.decodeIfPresent([String].self, forKey: .fixed) ?? []
        paths = try container.decodeIfPresent([InboundValueSource].self, forKey: .paths) ?? []
    }

    /// Checks the limit, the fixed tags and the sources.
    /// - Throws: ``ValidationError`` naming e.g. `mapping.tags.fixed[1]` or `mapping.tags.paths[0]`.
    public func validate(field: String) throws(ValidationError) {
        guard fixed.count + paths.count <= Self.maxTags else {
            throw ValidationError(
                field: field, code: "too_many_tags", message: "at most \(Self.maxTags) fixed tags and paths together")
        }
        _ = try TicketTags.normalize(fixed, field: "\(field).fixed")
        for (index, source) in paths.enumerated() { try source.validate(field: "\(field).paths[\(index)]") }
    }

    /// The normalised tags for `payload`, sorted and each once.
    func tags(for payload: JSONValue) -> [String] {
        var raw = fixed
        for source in paths {
            switch source.value(in: payload) {
            case .array(let items)?: raw += items.map(\.inboundText)
            case let value?: raw.append(value.inboundText)
            case nil: continue
            }
        }
        let valid = raw.compactMap { try? TicketTags.normalize([$0]).first }
        return Array(Set(valid)).sorted()
    }
}
