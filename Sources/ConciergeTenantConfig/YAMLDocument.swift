import Yams

/// A YAML node with its file and field path, for reading typed values with located errors.
struct YAMLValue {
    let node: Node
    let file: String
    let path: String

    var line: Int? { node.mark.map { $0.line } }

    func error(_ message: String, field: String? = nil) -> TenantConfigError {
        TenantConfigError(file: file, line: line, field: field ?? path, message: message)
    }

    func child(_ node: Node, key: String) -> YAMLValue {
        YAMLValue(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// Whether this is YAML null (`~`, `null`, or nothing after the colon), as opposed to the
    /// quoted text "null".
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return node.null != nil
    }

    /// The mapping's entries; refuses keys outside `allowed` (catches typos) and keys given
    /// twice (YAML forbids it; silently keeping the last would hide a reviewer's `role:`).
    /// A null document or value counts as an empty mapping.
    func mapping(allowed: Set<String>) throws -> [String: YAMLValue] {
        if isNull { return [:] }
        guard case .mapping(let mapping) = node else { throw error("must be a mapping of keys to values") }
        var entries: [String: YAMLValue] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw error("keys must be strings") }
            let entry = child(value, key: name)
            let keyLocation = YAMLValue(node: key, file: file, path: entry.path)
            guard allowed.contains(name) else {
                throw keyLocation.error("unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
            guard entries[name] == nil else { throw keyLocation.error("appears twice") }
            entries[name] = entry
        }
        return entries
    }

    /// The list's items; a null value counts as an empty list (`users:` with every entry
    /// commented out).
    func sequence() throws -> [YAMLValue] {
        if isNull { return [] }
        guard case .sequence(let sequence) = node else { throw error("must be a list") }
        return sequence.enumerated().map { index, item in YAMLValue(node: item, file: file, path: "\(path)[\(index)]") }
    }

    /// The text of a scalar; YAML null is refused as empty rather than read as "~" or "null".
    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("must be a text value") }
        guard !isNull else { throw error("must not be empty") }
        return scalar.string
    }

    func strings() throws -> [String] { try sequence().map { try $0.string() } }
}

/// Parses one file into its root node.
enum YAMLFile {
    static func root(_ text: String, file: String) throws -> YAMLValue? {
        do {
            guard let node = try Yams.compose(yaml: text) else { return nil }
            return YAMLValue(node: node, file: file, path: "")
        } catch let error as YamlError {
            throw TenantConfigError(
                file: file, line: Self.line(of: error), field: "",
                message: "is not valid YAML: \(Self.summary(of: error))")
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}
