import ConciergeDomain
import Testing

@Suite("Rule conditions on text")
struct TextConditionTests {
    typealias F = RuleFixtures

    static func comment(_ body: String) -> RuleSubject {
        F.subject(event: .commentAdded, comment: CommentFacts(body: body, isPublic: true, author: .customer))
    }

    static func words(_ words: String...) -> JSONValue { .array(words.map(JSONValue.string)) }

    static let cases: [ConditionCase] = [
        .init(
            "Chinese keyword inside a sentence", RuleCondition(.commentBody, .contains, .string("退货")),
            comment("我要申请退货"), true),
        .init(
            "Chinese keyword absent", RuleCondition(.commentBody, .contains, .string("退款")), comment("我要申请退货"), false),
        .init(
            "Chinese not_contains", RuleCondition(.commentBody, .notContains, .string("退款")), comment("我要申请退货"), true),
        .init(
            "English ignores case", RuleCondition(.commentBody, .contains, .string("refund")),
            comment("I want a REFUND now"), true),
        .init(
            "rule value in capitals", RuleCondition(.commentBody, .contains, .string("REFUND")),
            comment("refund please"), true),
        .init(
            "contains matches inside words", RuleCondition(.commentBody, .contains, .string("fund")),
            comment("refund please"), true),
        .init(
            "mixed Chinese and Latin", RuleCondition(.commentBody, .contains, .string("iphone")),
            comment("我的iPhone屏幕坏了"), true),
        .init("full-width letters", RuleCondition(.commentBody, .contains, .string("vip")), comment("我是ＶＩＰ客户"), true),
        .init(
            "accented capitals", RuleCondition(.commentBody, .contains, .string("émile")),
            comment("Bonjour, ÉMILE ici"), true),
        .init(
            "Cyrillic capitals", RuleCondition(.commentBody, .contains, .string("возврат")), comment("ВОЗВРАТ товара"),
            true),
        .init(
            "contains on a missing comment", RuleCondition(.commentBody, .contains, .string("退货")), F.subject(), false),
        .init(
            "not_contains on a missing comment", RuleCondition(.commentBody, .notContains, .string("退货")), F.subject(),
            true),
        .init(
            "any word, Chinese", RuleCondition(.commentBody, .containsAnyWords, words("投诉", "退货")),
            comment("我要申请退货"), true),
        .init(
            "any word, none present", RuleCondition(.commentBody, .containsAnyWords, words("投诉", "发票")),
            comment("我要申请退货"), false),
        .init(
            "any word from a spaced string", RuleCondition(.commentBody, .containsAnyWords, .string("invoice refund")),
            comment("Need a Refund."), true),
        .init(
            "any word from an ideographic-space string",
            RuleCondition(.commentBody, .containsAnyWords, .string("发票　退货")),
            comment("我要退货"), true),
        .init(
            "any word is whole-word for English", RuleCondition(.commentBody, .containsAnyWords, words("refund")),
            comment("refunds are processed"), false),
        .init(
            "any word next to punctuation", RuleCondition(.commentBody, .containsAnyWords, words("refund")),
            comment("refund, please!"), true),
        .init(
            "any word next to Chinese", RuleCondition(.commentBody, .containsAnyWords, words("iphone")),
            comment("我的iPhone坏了"), true),
        .init(
            "any word phrase", RuleCondition(.commentBody, .containsAnyWords, words("not working")),
            comment("It is NOT WORKING at all"), true),
        .init(
            "contains_none with one present", RuleCondition(.commentBody, .containsNone, words("投诉", "退货")),
            comment("我要申请退货"), false),
        .init(
            "contains_none with none present", RuleCondition(.commentBody, .containsNone, words("投诉", "发票")),
            comment("我要申请退货"), true),
        .init(
            "contains_none on a missing comment", RuleCondition(.commentBody, .containsNone, words("投诉")),
            F.subject(), true),
        .init(
            "subject is, ignoring case", RuleCondition(.subject, .is, .string("printer BROKEN")),
            F.subject(F.ticket(subject: "Printer broken")), true),
        .init(
            "subject is, partial", RuleCondition(.subject, .is, .string("printer")),
            F.subject(F.ticket(subject: "Printer broken")), false),
        .init("subject is_not", RuleCondition(.subject, .isNot, .string("打印机")), F.subject(), true),
        .init("subject contains", RuleCondition(.subject, .contains, .string("打印机")), F.subject(), true),
        .init("description contains", RuleCondition(.description, .contains, .string("屏幕")), F.subject(), true),
        .init(
            "description blank when empty", RuleCondition(.description, .blank), F.subject(F.ticket(description: "")),
            true),
        .init("description present", RuleCondition(.description, .present), F.subject(), true),
        .init("comment.body present", RuleCondition(.commentBody, .present), comment("好的"), true),
        .init("comment.body blank without comment", RuleCondition(.commentBody, .blank), F.subject(), true),
    ]

    @Test(arguments: cases)
    func textConditionHoldsAsTabled(_ row: ConditionCase) throws {
        #expect(try F.holds(row.condition, row.subject) == row.expected)
    }

    @Test(arguments: ["退货", "申请", "我要", "我要申请退货", "请退"])
    func chineseSubstringsMatchWithoutWordBoundaries(_ keyword: String) throws {
        // given
        let subject = Self.comment("我要申请退货")
        // when
        let contains = try F.holds(RuleCondition(.commentBody, .contains, .string(keyword)), subject)
        let anyWord = try F.holds(RuleCondition(.commentBody, .containsAnyWords, Self.words(keyword)), subject)
        // then
        #expect(contains == "我要申请退货".contains(keyword))
        #expect(anyWord == contains)
    }
}
