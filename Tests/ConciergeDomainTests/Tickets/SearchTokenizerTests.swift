import ConciergeDomain
import Foundation
import Testing

@Suite("SearchTokenizer")
struct SearchTokenizerTests {
    // MARK: - terms

    @Test(arguments: [
        ("申请退货", ["申请", "请退", "退货"]),
        ("退货", ["退货"]),
        ("退", ["退"]),
        ("iPhone 14 退货 refund", ["iphone", "14", "退货", "refund"]),
        ("退货iPhone换新", ["退货", "iphone", "换新"]),
        ("退货14天", ["退货", "14", "天"]),
        ("客户申请退货", ["客户", "户申", "申请", "请退", "退货"]),
        ("", []),
        ("   ", []),
    ])
    func chineseRunsBecomeOverlappingBigramsAndOtherRunsBecomeWords(_ text: String, _ expected: [String]) {
        #expect(SearchTokenizer.terms(text) == expected)
    }

    @Test(arguments: [
        ("返品をお願いします", ["返品", "品を", "をお", "お願", "願い", "いし", "しま", "ます"]),
        ("カスタマー", ["カス", "スタ", "タマ", "マー"]),
        ("の", ["の"]),
        ("환불요청", ["환불", "불요", "요청"]),
        ("환", ["환"]),
        ("iPhoneの返品", ["iphone", "の返", "返品"]),
        ("𠀀𠀁", ["𠀀𠀁"]),  // CJK extension B
        ("㐀㐁", ["㐀㐁"]),  // CJK extension A
        ("豈更", ["豈更"]),  // CJK compatibility ideographs
    ])
    func kanaHangulAndCJKExtensionsAreTreatedAsCJK(_ text: String, _ expected: [String]) {
        #expect(SearchTokenizer.terms(text) == expected)
    }

    @Test(arguments: [
        ("退货，换新", ["退货", "换新"]),
        ("退货。换新！", ["退货", "换新"]),
        ("退货、换新", ["退货", "换新"]),
        ("「退货」", ["退货"]),
        ("refund/exchange", ["refund", "exchange"]),
        ("order#123-456", ["order", "123", "456"]),
        ("a.b@c.com", ["a", "b", "c", "com"]),
        ("snake_case", ["snake_case"]),
        ("退货!refund", ["退货", "refund"]),
        ("退。", ["退"]),
        ("!!! ... ???", []),
        ("，。！？", []),
    ])
    func punctuationSplitsTerms(_ text: String, _ expected: [String]) {
        #expect(SearchTokenizer.terms(text) == expected)
    }

    @Test(arguments: [
        ("REFUND", ["refund"]),
        ("Refund REFUND refund", ["refund", "refund", "refund"]),
        ("iPhone", ["iphone"]),
        ("ÄRGER", ["ärger"]),
        ("ＡＢＣ", ["ａｂｃ"]),
    ])
    func wordsAreCaseFoldedAndDuplicatesKept(_ text: String, _ expected: [String]) {
        #expect(SearchTokenizer.terms(text) == expected)
    }

    @Test func veryLongWordIsCutToOneHundredCharacters() {
        #expect(SearchTokenizer.terms(String(repeating: "a", count: 150)) == [String(repeating: "a", count: 100)])
    }

    @Test(arguments: [
        ("中", true), ("退", true), ("ひ", true), ("カ", true), ("ー", true), ("한", true), ("𠀀", true),
        ("㐀", true), ("豈", true), ("a", false), ("1", false), ("，", false), ("。", false), ("Ω", false),
        ("_", false), (" ", false),
    ])
    func isCJKRecognisesHanKanaAndHangul(_ text: String, _ expected: Bool) throws {
        let character = try #require(text.first)
        #expect(SearchTokenizer.isCJK(character) == expected)
    }

    // MARK: - document

    @Test func documentQuotesEveryTermOfEveryPart() {
        #expect(SearchTokenizer.document(["申请退货", "iPhone 14"]) == "'申请' '请退' '退货' '货' 'iphone' '14'")
    }

    @Test func documentDoesNotJoinCJKAcrossParts() {
        #expect(SearchTokenizer.document(["退", "货"]) == "'退' '货'")
    }

    @Test func documentOfNothingIsEmpty() {
        #expect(SearchTokenizer.document([]) == "")
        #expect(SearchTokenizer.document(["", "!!!"]) == "")
    }

    @Test(arguments: [
        ("it's O'Brien", "'it' 's' 'o' 'brien'"),
        (#"C:\path\file"#, "'c' 'path' 'file'"),
        (#"a''b\\c"#, "'a' 'b' 'c'"),
        ("'; DROP TABLE tickets; --", "'drop' 'table' 'tickets'"),
        ("退货'退款", "'退货' '货' '退款' '款'"),
    ])
    func quotesAndBackslashesNeverReachALexeme(_ text: String, _ expected: String) {
        #expect(SearchTokenizer.document([text]) == expected)
    }

    @Test(arguments: [
        "it's O'Brien", #"C:\path\file"#, #"'\'"#, "x'\u{301}y", "\\\u{301}", "'; DROP TABLE t; --", "退'货\\换",
        "ＩＴ＇Ｓ", "‘curly’ “quotes”",
    ])
    func everyDocumentLexemeIsASafelyQuotedString(_ text: String) {
        for lexeme in SearchTokenizer.document([text]).split(separator: " ") {
            #expect(lexeme.count >= 3)
            #expect(lexeme.hasPrefix("'") && lexeme.hasSuffix("'"))
            let inner = lexeme.dropFirst().dropLast()
            #expect(!inner.contains("'") && !inner.contains("\\"), "lexeme \(lexeme)")
        }
    }

    // MARK: - query

    @Test(arguments: [
        ("退货", "'退货'"),
        ("退", "'退':*"),
        ("の", "'の':*"),
        ("환", "'환':*"),
        ("申请退货", "'申请' & '请退' & '退货'"),
        ("退 refund", "'退':* & 'refund'"),
        ("iPhone 14 退货", "'iphone' & '14' & '退货'"),
        ("a", "'a'"),
        ("7", "'7'"),
        ("REFUND", "'refund'"),
    ])
    func queryRequiresEveryTermAndALoneCJKCharacterIsAPrefix(_ text: String, _ expected: String) {
        #expect(SearchTokenizer.query(text) == expected)
    }

    @Test(arguments: [
        ("退货 退货", "'退货'"),
        ("refund REFUND Refund", "'refund'"),
        ("退货 refund 退货 REFUND", "'退货' & 'refund'"),
        ("退退退", "'退退'"),
    ])
    func queryDropsDuplicateTerms(_ text: String, _ expected: String) {
        #expect(SearchTokenizer.query(text) == expected)
    }

    @Test(arguments: ["", "   ", "!!!", "，。！", "-- ' \\"])
    func queryWithoutTermsIsNil(_ text: String) {
        #expect(SearchTokenizer.query(text) == nil)
    }

    @Test func queryKeepsAtMostThirtyTwoTerms() throws {
        // given 40 distinct words
        let words = (0..<40).map { "w\($0)" }
        // when
        let query = try #require(SearchTokenizer.query(words.joined(separator: " ")))
        // then
        #expect(query.components(separatedBy: " & ") == words.prefix(32).map { "'\($0)'" })
    }

    @Test func queryCountsTheThirtyTwoTermsAfterRemovingDuplicates() throws {
        let words = (0..<40).flatMap { ["w\($0)", "W\($0)"] }
        let query = try #require(SearchTokenizer.query(words.joined(separator: " ")))
        #expect(query.components(separatedBy: " & ") == (0..<32).map { "'w\($0)'" })
    }

    // MARK: - matching property

    static let phrases = ["客户申请退货并要求换新机器", "退款到账了吗", "返品をお願いします", "환불요청합니다", "申请退货"]

    /// Every lexeme of `document` without its quotes.
    static func lexemes(ofDocument text: String) -> Set<String> {
        Set(SearchTokenizer.document([text]).split(separator: " ").map { String($0.dropFirst().dropLast()) })
    }

    @Test(arguments: phrases)
    func everyBigramOfAMultiCharacterSubstringIsIndexed(_ phrase: String) throws {
        // given a text containing the phrase amid other words and punctuation
        let text = "订单#A123：\(phrase)，谢谢！Thanks"
        let indexed = Set(SearchTokenizer.terms(text))
        let lexemes = Self.lexemes(ofDocument: text)
        let characters = Array(phrase)
        var checked = 0
        // when searching for every substring of two or more characters
        for start in 0..<characters.count {
            for end in stride(from: start + 2, through: characters.count, by: 1) {
                let substring = String(characters[start..<end])
                checked += 1
                // then every bigram of it is an indexed term ...
                let terms = SearchTokenizer.terms(substring)
                #expect(terms.count == substring.count - 1)
                #expect(terms.allSatisfy { $0.count == 2 && indexed.contains($0) }, "substring \(substring)")
                // ... and every lexeme the query requires is in the document
                let query = try #require(SearchTokenizer.query(substring))
                let required = query.components(separatedBy: " & ").map { String($0.dropFirst().dropLast()) }
                #expect(required.allSatisfy(lexemes.contains), "query \(query)")
            }
        }
        #expect(checked == characters.count * (characters.count - 1) / 2)
    }

    @Test(arguments: phrases)
    func aLoneCharacterMatchesThePrefixOfAnIndexedBigramUnlessItEndsTheRun(_ phrase: String) {
        let lexemes = Self.lexemes(ofDocument: "订单：\(phrase)。")
        for character in phrase.dropLast() {
            #expect(lexemes.contains { $0.first == character }, "character \(character)")
        }
    }

    /// A lone CJK character is queried as a prefix (`'器':*`); documents also index each CJK
    /// run's final character, so `器` finds `换新机器` and `货` finds `申请退货`.
    @Test(arguments: phrases)
    func aLoneCharacterFindsEveryTextContainingIt(_ phrase: String) {
        let lexemes = Self.lexemes(ofDocument: "订单：\(phrase)。")
        let missed = phrase.filter { character in !lexemes.contains { $0.first == character } }
        #expect(missed.isEmpty, "not findable: \(missed)")
    }
}
