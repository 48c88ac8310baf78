import Foundation

/// Splits a migration file into single statements. PostgresNIO speaks the extended query
/// protocol, which takes one statement at a time, so the runner sends them one by one inside
/// the migration's transaction.
///
/// Understands `--` and `/* */` comments, single-quoted strings (with `''`), double-quoted
/// identifiers and dollar-quoted bodies (`$$ … $$`, `$tag$ … $tag$`), so semicolons inside
/// them do not split.
public enum SQLScript {
    /// The non-empty statements of `script`, trimmed, without their terminating semicolons.
    public static func statements(_ script: String) -> [String] {
        let chars = Array(script.unicodeScalars)
        var statements: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        func flush() {
            let text = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty, !isOnlyComments(text) { statements.append(text) }
            current = String.UnicodeScalarView()
        }
        while index < chars.count {
            let c = chars[index]
            let next: Unicode.Scalar? = index + 1 < chars.count ? chars[index + 1] : nil
            if c == "-", next == "-" {
                let end = chars[index...].firstIndex(of: "\n") ?? chars.count
                current.append(contentsOf: chars[index..<end])
                index = end
            } else if c == "/", next == "*" {
                let end = findSequence(["*", "/"], in: chars, from: index + 2).map { $0 + 2 } ?? chars.count
                current.append(contentsOf: chars[index..<end])
                index = end
            } else if c == "'" || c == "\"" {
                var end = index + 1
                while end < chars.count {
                    if chars[end] == c {
                        if end + 1 < chars.count, chars[end + 1] == c {
                            end += 2
                            continue
                        }
                        end += 1
                        break
                    }
                    end += 1
                }
                current.append(contentsOf: chars[index..<min(end, chars.count)])
                index = end
            } else if c == "$", let tagEnd = dollarTagEnd(chars, from: index) {
                let tag = Array(chars[index...tagEnd])
                let close = findSequence(tag, in: chars, from: tagEnd + 1).map { $0 + tag.count } ?? chars.count
                current.append(contentsOf: chars[index..<close])
                index = close
            } else if c == ";" {
                flush()
                index += 1
            } else {
                current.append(c)
                index += 1
            }
        }
        flush()
        return statements
    }

    /// The index of the closing `$` of a dollar-quote tag starting at `start`, if one starts there.
    private static func dollarTagEnd(_ chars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        while index < chars.count {
            let c = chars[index]
            if c == "$" { return index }
            let isTagChar = c == "_" || c.properties.isAlphabetic || (index > start + 1 && ("0"..."9").contains(c))
            guard isTagChar else { return nil }
            index += 1
        }
        return nil
    }

    private static func findSequence(_ needle: [Unicode.Scalar], in chars: [Unicode.Scalar], from start: Int) -> Int? {
        guard !needle.isEmpty, chars.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= chars.count {
            if Array(chars[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    private static func isOnlyComments(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy {
            let line = $0.trimmingCharacters(in: .whitespaces)
            return line.isEmpty || line.hasPrefix("--")
        }
    }
}
