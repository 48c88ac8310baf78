import ConciergeDomain
import Foundation
import Testing

@Suite("TenantSlug")
struct TenantSlugTests {
    static let fortyCharacters = "a" + String(repeating: "b1", count: 19) + "c"
    static let fortyOneCharacters = fortyCharacters + "d"

    @Test(
        "slugAcceptsLowercaseLettersDigitsAndInnerHyphens",
        arguments: [
            "ab", "a1", "acme", "acme-corp", "a-b-c", "demo2", "x9-y8", "abc-123-def", fortyCharacters,
        ])
    func slugAcceptsValidText(_ text: String) throws {
        // when
        let slug = try TenantSlug(text)
        // then
        #expect(slug.rawValue == text)
        #expect(slug.description == text)
    }

    @Test(
        "slugRejectsInvalidText",
        arguments: [
            ("", "empty"),
            ("a", "length 1"),
            (fortyOneCharacters, "length 41"),
            ("Acme", "uppercase first letter"),
            ("acMe", "uppercase inside"),
            ("ACME", "all uppercase"),
            ("1acme", "leading digit"),
            ("-acme", "leading hyphen"),
            ("acme-", "trailing hyphen"),
            ("ac--me", "double hyphen"),
            ("a--", "double trailing hyphen"),
            ("acme_corp", "underscore"),
            ("acme.corp", "dot"),
            ("acme corp", "inner space"),
            (" acme", "leading space"),
            ("acme\n", "trailing newline"),
            ("中文租户", "Chinese"),
            ("acme中文", "Chinese suffix"),
            ("acmé", "accented letter"),
            ("ａｃｍｅ", "full-width letters"),
        ])
    func slugRejectsInvalidText(_ text: String, _ reason: String) {
        // when
        let error = validationError { try TenantSlug(text) }
        // then
        #expect(error?.field == "slug", "\(reason)")
        #expect(error?.code == "invalid_slug", "\(reason)")
    }

    @Test func slugAcceptsExactlyTwoAndFortyCharacters() throws {
        #expect(try TenantSlug("ab").rawValue.count == 2)
        #expect(Self.fortyCharacters.count == 40)
        #expect(try TenantSlug(Self.fortyCharacters).rawValue.count == 40)
        #expect(Self.fortyOneCharacters.count == 41)
    }

    @Test func slugEncodesAsPlainJSONString() throws {
        // given
        let slug = try TenantSlug("acme-corp")
        // when
        let data = try JSONEncoder().encode(slug)
        // then
        #expect(String(decoding: data, as: UTF8.self) == #""acme-corp""#)
        #expect(try JSONDecoder().decode(TenantSlug.self, from: data) == slug)
    }

    @Test(arguments: [#""Acme""#, #""a""#, #""acme-""#, #"42"#, #"null"#])
    func slugDecodingRefusesInvalidJSON(_ json: String) {
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(TenantSlug.self, from: Data(json.utf8))
        }
    }

    @Test func slugsWithSameTextAreEqualAndHashAlike() throws {
        let set: Set<TenantSlug> = [try TenantSlug("acme"), try TenantSlug("acme"), try TenantSlug("demo")]
        #expect(set.count == 2)
    }
}
