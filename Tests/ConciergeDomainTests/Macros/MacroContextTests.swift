import ConciergeDomain
import Testing

@Suite("MacroContext")
struct MacroContextTests {
    static func context(requester: String) -> MacroContext {
        MacroContext(
            ticketNumber: "1", ticketSubject: "s", ticketStatus: "open", requesterName: requester, requesterEmail: "e",
            agentName: "a")
    }

    @Test(
        arguments: [
            ("王小明", "王小明"),
            ("欧阳娜娜", "欧阳娜娜"),
            ("王 小明", "王 小明"),
            ("仓库 刘", "仓库 刘"),
            ("王经理 (Admin)", "王经理 (Admin)"),
            ("山田 太郎", "山田 太郎"),
            ("김민준", "김민준"),
            ("Li Wei", "Li"),
            (" Chen  Jing ", "Chen"),
            ("Müller", "Müller"),
            ("Anne-Marie O'Neil", "Anne-Marie"),
            ("", ""),
            ("   ", ""),
        ])
    func firstNameKeepsEastAsianNamesWholeAndTakesTheFirstWordOtherwise(name: String, firstName: String) {
        #expect(Self.context(requester: name).requesterFirstName == firstName)
        #expect(MacroTemplate("{{requester.first_name}}").render(Self.context(requester: name)) == firstName)
    }

    @Test
    func customFieldTextTurnsStoredValuesIntoDisplayText() {
        // given
        let stored: [String: JSONValue] = [
            "serial": .string("SN-1"), "count": .number(3), "ratio": .number(0.5), "warranty": .bool(true),
            "parts": .array([.string("pump"), .string("valve")]), "cleared": .null, "blob": .object([:]),
        ]
        // when
        let text = MacroContext.customFieldText(stored)
        // then
        #expect(
            text == [
                "serial": "SN-1", "count": "3", "ratio": "0.5", "warranty": "true", "parts": "pump, valve",
            ])
    }
}
