import ConciergeDomain
import Foundation
import Yams

/// Reads a list of typed documents (fields, forms, views, macros) from one YAML file, keeping
/// the file and line of every error: decoding errors and domain validation errors are both
/// located at the node their field path names.
enum YAMLDocuments {
    /// Decodes the list under `listKey`, each item into `T`, refusing unknown top-level keys of
    /// an item and duplicate `key` values.
    static func read<T: Decodable>(_ root: YAMLValue, listKey: String, allowedKeys: Set<String>, as type: T.Type) throws
        -> [(T, YAMLValue)]
    {
        guard let list = try root.mapping(allowed: [listKey])[listKey] else { return [] }
        var seen: Set<String> = []
        return try list.sequence().map { item in
            let entries = try item.mapping(allowed: allowedKeys)
            if let key = entries["key"] {
                guard seen.insert(try key.string()).inserted else { throw key.error("appears twice") }
            }
            do {
                // Yams 5 decodes from text: re-serialise the item (coding paths stay relative to it).
                return (try YAMLDecoder().decode(T.self, from: try Yams.serialize(node: item.node)), item)
            } catch let error as DecodingError {
                throw Self.locate(error, in: item)
            }
        }
    }

    /// Re-throws a domain validation failure at the node of its field path within `item`.
    static func validating<T>(_ item: YAMLValue, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ValidationError {
            let target = node(at: error.field, in: item) ?? item
            throw TenantConfigError(
                file: item.file, line: target.line, field: "\(item.path).\(error.field)", message: error.message)
        }
    }

    static func locate(_ error: DecodingError, in item: YAMLValue) -> TenantConfigError {
        let (context, message): (DecodingError.Context, String) =
            switch error {
            case .keyNotFound(let key, let context):
                (DecodingError.Context(codingPath: context.codingPath + [key], debugDescription: ""), "is required")
            case .typeMismatch(_, let context): (context, "has the wrong type")
            case .valueNotFound(_, let context): (context, "must not be empty")
            case .dataCorrupted(let context): (context, Self.describe(context))
            @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "is invalid")
            }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        let relative = path.hasPrefix(".") ? String(path.dropFirst()) : path
        let target = node(at: relative, in: item) ?? node(at: parent(of: relative), in: item) ?? item
        return TenantConfigError(
            file: item.file, line: target.line, field: relative.isEmpty ? item.path : "\(item.path).\(relative)",
            message: message)
    }

    /// "is not one of …" for an unknown enum value, "is invalid" otherwise.
    static func describe(_ context: DecodingError.Context) -> String {
        let detail = context.debugDescription
        if let range = detail.range(of: "invalid String value ") {
            return "'\(detail[range.upperBound...])' is not a known value"
        }
        return detail.isEmpty ? "is invalid" : "is invalid (\(detail))"
    }

    /// The node at a dotted path like `options[2].value` below `item`.
    static func node(at path: String, in item: YAMLValue) -> YAMLValue? {
        var current = item
        for component in components(of: path) {
            switch (component, current.node) {
            case (.key(let key), .mapping(let mapping)):
                guard let child = mapping[Node(key)] else { return nil }
                current = current.child(child, key: key)
            case (.index(let index), .sequence(let sequence)):
                guard sequence.indices.contains(index) else { return nil }
                current = YAMLValue(node: sequence[index], file: current.file, path: "\(current.path)[\(index)]")
            default:
                return nil
            }
        }
        return current
    }

    enum PathComponent {
        case key(String)
        case index(Int)
    }

    static func components(of path: String) -> [PathComponent] {
        var result: [PathComponent] = []
        for part in path.split(separator: ".") {
            var text = Substring(part)
            if let bracket = text.firstIndex(of: "[") {
                if bracket > text.startIndex { result.append(.key(String(text[..<bracket]))) }
                text = text[bracket...]
                while let open = text.firstIndex(of: "["), let close = text.firstIndex(of: "]"), open < close {
                    if let index = Int(text[text.index(after: open)..<close]) { result.append(.index(index)) }
                    text = text[text.index(after: close)...]
                }
            } else {
                result.append(.key(String(text)))
            }
        }
        return result
    }

    static func parent(of path: String) -> String {
        guard let dot = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return "" }
        return String(path[..<dot])
    }
}
