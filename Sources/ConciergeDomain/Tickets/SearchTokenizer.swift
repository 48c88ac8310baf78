import Foundation

/// Turns Chinese and English text into search terms for Postgres full text (`simple`
/// configuration): Latin, digit and other runs become lowercase words; runs of CJK characters
/// become overlapping bigrams (a lone CJK character stays a unigram), so `申请退货` indexes
/// `申请 请退 退货` and a search for `退货` matches it without a dictionary.
///
/// Documents also index the last character of each CJK run on its own, so that a one-character
/// query (searched as a prefix of the bigrams starting with it) finds a run's final character too.
public enum SearchTokenizer {
    /// The terms of `text`, in order, duplicates kept.
    /// - Parameter forIndexing: add each CJK run's final character as a unigram (documents only;
    ///   queries must not require it).
    public static func terms(_ text: String, forIndexing: Bool = false) -> [String] {
        var terms: [String] = []
        var word = ""
        var cjk: [Character] = []
        func flushWord() {
            if !word.isEmpty { terms.append(word.lowercased()) }
            word = ""
        }
        func flushCJK() {
            if cjk.count == 1 {
                terms.append(String(cjk[0]))
            } else if cjk.count > 1 {
                for index in 0..<(cjk.count - 1) { terms.append(String(cjk[index...index + 1])) }
                if forIndexing, let last = cjk.last { terms.append(String(last)) }
            }
            cjk = []
        }
        for character in text {
            if isCJK(character) {
                flushWord()
                cjk.append(character)
            } else if character.isLetter || character.isNumber || character == "_" {
                flushCJK()
                word.append(character)
            } else {
                flushWord()
                flushCJK()
            }
        }
        flushWord()
        flushCJK()
        return terms.map { String($0.prefix(100)) }
    }

    /// The space-separated document for `to_tsvector('simple', …)`.
    public static func document(_ parts: [String]) -> String {
        parts.flatMap { terms($0, forIndexing: true) }.map(quoteLexeme).joined(separator: " ")
    }

    /// A `to_tsquery('simple', …)` expression that requires every term of `query`; a lone
    /// CJK character matches as a prefix of the bigrams that start with it. `nil` when the
    /// query has no terms.
    public static func query(_ query: String) -> String? {
        let parts = terms(query)
        guard !parts.isEmpty else { return nil }
        var seen: Set<String> = []
        return parts.filter { seen.insert($0).inserted }.prefix(32).map { term in
            let quoted = quoteLexeme(term)
            return term.count == 1 && term.first.map(isCJK) == true ? "\(quoted):*" : quoted
        }.joined(separator: " & ")
    }

    /// Whether `character` belongs to a CJK script written without spaces (Han, kana, Hangul).
    public static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Single-quotes a lexeme for tsvector/tsquery input (doubling quotes and backslashes).
    static func quoteLexeme(_ term: String) -> String {
        "'" + term.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }
}
