import Foundation

/// A path into a JSON document, in the dotted subset of JSONPath that presets use:
/// `$.Account.Name`, `$.properties.email`, `$.items[0].code`, `$['odd key']`, or `$[2]`.
public struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    /// One step from a value to a member of it.
    public enum Step: Sendable, Equatable {
        /// An object member by name.
        case key(String)
        /// An array element, counting from 0.
        case index(Int)
    }

    /// The steps from the root, in order.
    public let steps: [Step]
    /// The path as written.
    public let description: String

    /// Parses `text`; the error's `problem` says where it stopped.
    public init(_ text: String) throws(JSONPathSyntaxError) {
        var characters = Substring(text.trimmingCharacters(in: .whitespaces))
        guard characters.first == "$" else { throw JSONPathSyntaxError("must start with '$'") }
        characters = characters.dropFirst()
        var steps: [Step] = []
        while let first = characters.first {
            if first == "." {
                characters = characters.dropFirst()
                let name = characters.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { throw JSONPathSyntaxError("empty member name in \(text)") }
                steps.append(.key(String(name)))
                characters = characters.dropFirst(name.count)
            } else if first == "[" {
                guard let close = characters.firstIndex(of: "]") else {
                    throw JSONPathSyntaxError("unclosed '[' in \(text)")
                }
                let inside = characters[characters.index(after: characters.startIndex)..<close]
                if let index = Int(inside), index >= 0 {
                    steps.append(.index(index))
                } else if inside.count >= 2, inside.first == "'", inside.last == "'" {
                    steps.append(.key(String(inside.dropFirst().dropLast())))
                } else {
                    throw JSONPathSyntaxError("'[\(inside)]' is neither an index nor a quoted name in \(text)")
                }
                characters = characters[characters.index(after: close)...]
            } else {
                throw JSONPathSyntaxError("unexpected '\(first)' in \(text)")
            }
        }
        self.steps = steps
        self.description = text
    }

    /// The value at this path in `root` (`JSONSerialization` output), or `nil` when a step is missing.
    public func value(in root: Any) -> Any? {
        var current: Any = root
        for step in steps {
            switch step {
            case .key(let name):
                guard let object = current as? [String: Any], let member = object[name] else { return nil }
                current = member
            case .index(let index):
                guard let array = current as? [Any], array.indices.contains(index) else { return nil }
                current = array[index]
            }
        }
        return current
    }
}

/// A ``JSONPath`` that does not parse.
public struct JSONPathSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the path.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
