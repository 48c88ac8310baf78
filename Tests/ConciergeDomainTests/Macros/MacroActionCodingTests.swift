import ConciergeDomain
import Foundation
import Testing

@Suite("MacroAction coding")
struct MacroActionCodingTests {
    @Test(
        arguments: [
            (MacroAction.setStatus(.onHold), #"{"type":"set_status","value":"on_hold"}"#),
            (.setPriority("urgent"), #"{"type":"set_priority","value":"urgent"}"#),
            (.setType(.problem), #"{"type":"set_type","value":"problem"}"#),
            (.assignGroup("after-sales"), #"{"type":"assign_group","value":"after-sales"}"#),
            (.assignUser("a@b.cn"), #"{"type":"assign_user","value":"a@b.cn"}"#),
            (.addTags(["售后"]), #"{"type":"add_tags","value":["售后"]}"#),
            (.removeTags(["a", "b"]), #"{"type":"remove_tags","value":["a","b"]}"#),
            (
                .setCustomField(key: "fault", value: .string("leak")),
                #"{"key":"fault","type":"set_custom_field","value":"leak"}"#
            ),
            (.setCustomField(key: "fault", value: .null), #"{"key":"fault","type":"set_custom_field","value":null}"#),
        ])
    func actionIsStoredAsTypeAndValue(action: MacroAction, json: String) throws {
        // given
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // when
        let encoded = String(decoding: try encoder.encode(action), as: UTF8.self)
        let decoded = try JSONDecoder().decode(MacroAction.self, from: Data(json.utf8))
        // then
        #expect(encoded == json)
        #expect(decoded == action)
    }

    @Test
    func customFieldActionWithoutValueClearsTheField() throws {
        let decoded = try JSONDecoder().decode(
            MacroAction.self, from: Data(#"{"type":"set_custom_field","key":"fault"}"#.utf8))
        #expect(decoded == .setCustomField(key: "fault", value: .null))
    }

    @Test(
        arguments: [
            #"{"type":"delete_ticket","value":"x"}"#, #"{"type":"set_status","value":"archived"}"#,
            #"{"value":"open"}"#, #"{"type":"add_tags","value":"solo"}"#,
        ])
    func unknownOrMalformedActionsFailToDecode(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(MacroAction.self, from: Data(json.utf8))
        }
    }

    @Test
    func macroRoundTripsThroughJSON() throws {
        let macro = Macro(
            id: MacroID(), key: "close", title: LocalizedText(zhCN: "关闭", en: ""),
            actions: [.setStatus(.solved), .addTags(["done"])], replyTemplate: "{{agent.name}}", replyIsPublic: false)
        let decoded = try JSONDecoder().decode(Macro.self, from: JSONEncoder().encode(macro))
        #expect(decoded == macro)
    }
}
