import ConciergeDomain
import Foundation
import Testing

@Suite("TypedID")
struct TypedIDTests {
    static let lower = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"

    @Test(arguments: [lower, lower.uppercased(), "3F2504e0-4F89-11d3-9A0C-0305e82c3301"])
    func idParsesCaseInsensitively(_ text: String) throws {
        // when
        let id = try #require(UserID(text))
        // then
        #expect(id == UserID(Self.lower))
        #expect(id.description == Self.lower)
        #expect(id.rawValue == UUID(uuidString: Self.lower))
    }

    @Test(arguments: [
        "", "xyz", "3f2504e0-4f89-11d3-9a0c-0305e82c330", "3f2504e0-4f89-11d3-9a0c-0305e82c33011",
        "3f2504e0-4f89-11d3-9a0c-0305e82c330g", " \(lower)", "\(lower) ", "{\(lower)}", "user:\(lower)",
    ])
    func idRejectsAnythingButACanonicalUUID(_ text: String) {
        #expect(UserID(text) == nil)
    }

    @Test func idDescriptionIsLowercase() {
        let id = TenantID()
        #expect(id.description == id.rawValue.uuidString.lowercased())
        #expect(id.description == id.description.lowercased())
    }

    @Test func newIDsAreUnique() {
        let ids = Set((0..<1000).map { _ in GroupID() })
        #expect(ids.count == 1000)
    }

    @Test func idEncodesAsLowercaseJSONString() throws {
        // given
        let id = EventID(UUID(uuidString: Self.lower.uppercased())!)
        // when
        let data = try JSONEncoder().encode(id)
        // then
        #expect(String(decoding: data, as: UTF8.self) == "\"\(Self.lower)\"")
        #expect(try JSONDecoder().decode(EventID.self, from: data) == id)
    }

    @Test func idDecodesUppercaseJSON() throws {
        let id = try JSONDecoder().decode(TenantID.self, from: Data("\"\(Self.lower.uppercased())\"".utf8))
        #expect(id.description == Self.lower)
    }

    @Test(arguments: [#""nope""#, "42", "null", #""""#])
    func idDecodingRefusesNonUUIDs(_ json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(APITokenID.self, from: Data(json.utf8))
        }
    }

    @Test func idsOrderByTheirLowercaseText() {
        let a = UserID("00000000-0000-0000-0000-00000000000a")!
        let b = UserID("0000000B-0000-0000-0000-000000000000")!
        let c = UserID("F0000000-0000-0000-0000-000000000000")!
        #expect([c, a, b].sorted() == [a, b, c])
        #expect(a < b && b < c && !(c < a))
    }

    @Test func idsWithTheSameUUIDAreEqualAndHashAlike() {
        let set: Set<UserID> = [UserID(Self.lower)!, UserID(Self.lower.uppercased())!]
        #expect(set.count == 1)
    }
}
