/// Page models as the Mustache renderer reads them fastest: dictionaries and arrays.
///
/// swift-mustache finds `{{row.subject}}` in a struct by reflecting it (`Mirror`) and scanning
/// its fields — on every lookup, and again for each context it climbs past (a `{{t.…}}` label
/// inside a table row reflects the row first). A list page of 25 rows made thousands of
/// reflections and cost 15 ms of CPU per request. Reflecting each value once into
/// dictionaries (which the renderer reads by key) leaves what templates see unchanged: stored
/// properties by name, a `nil` one absent (as the renderer treats it), arrays as sequences.
enum MustacheTree {
    /// `value` with every struct turned into a `[String: Any]` of its stored properties, every
    /// array into `[Any]`, optionals unwrapped (`nil` for an empty one); strings, numbers,
    /// booleans and string dictionaries (the catalogue) pass through untouched.
    static func flatten(_ value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Int64, is Int32, is Double, is [String: String]: return value
        case let dictionary as [String: Any]: return dictionary.compactMapValues(flatten)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { flatten($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = flatten(child.value) { fields[label] = field }
            }
            return fields
        case .collection, .set:
            return mirror.children.compactMap { flatten($0.value) }
        default:
            return value
        }
    }
}
