import ConciergeDomain
import Testing

@Suite("TicketTags.normalize")
struct TicketTagsTests {
    @Test(arguments: [
        ([String](), [String]()),
        (["vip"], ["vip"]),
        (["  vip  "], ["vip"]),
        (["\tvip\n"], ["vip"]),
        (["VIP"], ["vip"]),
        (["iPhone_14"], ["iphone_14"]),
        (["Needs Reply"], ["needs_reply"]),
        (["needs   reply"], ["needs_reply"]),
        (["a \t b\nc"], ["a_b_c"]),
        (["退货"], ["退货"]),
        (["紧急 处理"], ["紧急_处理"]),
        (["紧急\u{3000}处理"], ["紧急_处理"]),
        (["  售后 VIP "], ["售后_vip"]),
        (["VIP", "vip", " Vip "], ["vip"]),
        (["needs reply", "Needs_Reply"], ["needs_reply"]),
        (["zeta", "alpha", "Mid"], ["alpha", "mid", "zeta"]),
        (["退货", "refund", "2024"], ["2024", "refund", "退货"]),
        (["b", "a", "b", "a"], ["a", "b"]),
    ])
    func tagsAreTrimmedLowercasedJoinedDeduplicatedAndSorted(_ input: [String], _ expected: [String]) throws {
        #expect(try TicketTags.normalize(input) == expected)
    }

    @Test(arguments: [
        String(repeating: "a", count: 50),
        String(repeating: "退", count: 50),
        "  " + String(repeating: "a", count: 50) + "  ",
        String(repeating: "a", count: 24) + "  " + String(repeating: "b", count: 25),  // "_" makes 50
    ])
    func tagOfFiftyCharactersIsAccepted(_ tag: String) throws {
        let result = try TicketTags.normalize([tag])
        #expect(result.count == 1)
        #expect(result.first?.count == 50)
    }

    @Test(arguments: [
        (["ok", String(repeating: "a", count: 51)], "tags[1]"),
        ([String(repeating: "退", count: 51)], "tags[0]"),
        (["a", "b", String(repeating: "a", count: 25) + " " + String(repeating: "b", count: 25)], "tags[2]"),
        ([""], "tags[0]"),
        (["ok", "   "], "tags[1]"),
        (["a,b"], "tags[0]"),
        (["ok", "fine", ","], "tags[2]"),
        (["a\u{0}b"], "tags[0]"),
        (["bell\u{7}"], "tags[0]"),
        (["ok", "bad,one", "also,bad"], "tags[1]"),
    ])
    func invalidTagIsRefusedNamingTheFirstOffendingIndex(_ input: [String], _ field: String) {
        let error = validationError { try TicketTags.normalize(input) }
        #expect(
            error
                == ValidationError(field: field, code: "invalid_tag", message: "must be 1-50 characters without commas")
        )
    }

    @Test func errorFieldUsesTheGivenFieldName() {
        let error = validationError { try TicketTags.normalize(["ok", "a,b"], field: "macro.actions[0].tags") }
        #expect(error?.field == "macro.actions[0].tags[1]")
    }

    @Test func oneHundredDistinctTagsAreAccepted() throws {
        let tags = (0..<100).map { "tag\($0)" }
        #expect(try TicketTags.normalize(tags) == tags.sorted())
    }

    @Test func duplicatesDoNotCountTowardsTheLimit() throws {
        // given 150 tags that normalise to 100 distinct ones
        let tags = (0..<100).map { "tag\($0)" } + (0..<50).map { " TAG\($0) " }
        // when
        let result = try TicketTags.normalize(tags)
        // then
        #expect(result.count == 100)
    }

    @Test(arguments: [101, 150])
    func moreThanOneHundredDistinctTagsAreRefused(_ count: Int) {
        let error = validationError { try TicketTags.normalize((0..<count).map { "tag\($0)" }) }
        #expect(
            error == ValidationError(field: "tags", code: "too_many_tags", message: "a ticket holds at most 100 tags"))
    }

    @Test func normalisingIsIdempotent() throws {
        let once = try TicketTags.normalize(["  Needs Reply ", "退货", "VIP", "紧急 处理"])
        #expect(try TicketTags.normalize(once) == once)
    }
}
