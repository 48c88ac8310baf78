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

    /// The mapping's entries; refuses keys outside `allowed` (catches typos).
    func mapping(allowed: Set<String>) throws -> [String: YAMLValue] {
        guard case .mapping(let mapping) = node else { throw error("must be a mapping of keys to values") }
        var entries: [String: YAMLValue] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw error("keys must be strings") }
            let entry = child(value, key: name)
            guard allowed.contains(name) else {
                throw entry.error("unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
            entries[name] = entry
        }
        return entries
    }

    func sequence() throws -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw error("must be a list") }
        return sequence.enumerated().map { index, item in YAMLValue(node: item, file: file, path: "\(path)[\(index)]") }
    }

    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("must be a text value") }
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
            throw TenantConfigError(file: file, line: Self.line(of: error), field: "", message: "is not valid YAML: \(Self.summary(of: error))")
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
