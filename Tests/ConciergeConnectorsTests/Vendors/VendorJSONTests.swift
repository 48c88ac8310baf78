import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("Vendor JSON, errcode envelope, text limits")
struct VendorJSONTests {
    @Test func encodingSortsKeysWritesBooleansAndLeavesSlashesAndChineseAlone() {
        let bytes = VendorJSON.encode(["b": true, "a": "https://x.example/工单", "c": 3, "d": ["x"]])
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"a":"https://x.example/工单","b":true,"c":3,"d":["x"]}"#)
    }

    @Test(arguments: [
        (#"{"errcode":0,"errmsg":"ok"}"#, VendorErrcodeReply(errcode: 0, errmsg: "ok")),
        (
            #"{"errcode":"45009","errmsg":"api freq out of limit"}"#,
            VendorErrcodeReply(errcode: 45009, errmsg: "api freq out of limit")
        ),
        (#"{"errcode":310000}"#, VendorErrcodeReply(errcode: 310000, errmsg: "")),
        (#"{"errmsg":"multi\nline","errcode":-1}"#, VendorErrcodeReply(errcode: -1, errmsg: "multi line")),
    ])
    func envelopeIsParsed(body: String, expected: VendorErrcodeReply) {
        #expect(VendorErrcodeReply(body: Array(body.utf8)) == expected)
    }

    @Test(arguments: [
        "", "<html><body>502 Bad Gateway</body></html>", "{", "[1,2]", "null", #"{"errmsg":"ok"}"#,
        #"{"errcode":"abc"}"#, #"{"errcode":null}"#, "\u{FF}\u{FE}", String(repeating: "[", count: 10_000),
    ])
    func garbageIsNotAnEnvelopeAndNeverTraps(body: String) {
        #expect(VendorErrcodeReply(body: Array(body.utf8)) == nil)
    }

    @Test(arguments: [
        (#"{"v":"OK"}"#, "OK"), (#"{"v":0}"#, "0"), (#"{"v":200}"#, "200"), (#"{"v":true}"#, "true"),
        (#"{"v":false}"#, "false"), (#"{"v":1.5}"#, "1.5"),
    ])
    func scalarsReadAsTheirJSONSpelling(body: String, text: String) {
        #expect(VendorJSON.scalarText(VendorJSON.object(Array(body.utf8))?["v"]) == text)
    }

    @Test(arguments: [
        ("hello", 10, "hello"),
        ("hello world", 8, "hello…"),
        ("您的工单已更新", 21, "您的工单已更新"),
        ("您的工单已更新", 20, "您的工单已…"),
        ("您的工单已更新", 18, "您的工单已…"),
        ("您的工单已更新", 17, "您的工单…"),
        ("ab👍🏽cd", 12, "ab👍🏽cd"),
        ("ab👍🏽cdef", 13, "ab👍🏽…"),
        ("ab👍🏽cd", 11, "ab…"),
        ("工单", 3, "…"),
        ("工单", 2, ""),
    ])
    func truncationKeepsWholeCharactersAndFitsTheLimit(text: String, maxBytes: Int, expected: String) {
        let result = UTF8Truncation.truncate(text, maxBytes: maxBytes)
        #expect(result == expected)
        #expect(result.utf8.count <= maxBytes)
    }

    @Test(arguments: [
        ("a b", "a%20b", "a+b"), ("a&b=c+d", "a%26b%3Dc%2Bd", "a%26b%3Dc%2Bd"),
        ("工单", "%E5%B7%A5%E5%8D%95", "%E5%B7%A5%E5%8D%95"),
        ("-._~", "-._~", "-._~"), ("#?/%", "%23%3F%2F%25", "%23%3F%2F%25"), ("\"\n", "%22%0A", "%22%0A"),
    ])
    func percentEncodingLeavesOnlyUnreservedCharacters(value: String, url: String, form: String) {
        #expect(PercentEncoding.urlComponent(value) == url)
        #expect(PercentEncoding.formComponent(value) == form)
    }
}
