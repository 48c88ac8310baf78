import ConciergeDomain
import Foundation
import Testing

@Suite("CustomFieldDefinition.validate")
struct CustomFieldDefinitionValidationTests {
    @Test(arguments: CustomFieldType.allCases)
    func everyTypeValidatesWithWhatItNeeds(type: CustomFieldType) {
        #expect(validationError { try FieldFixtures.validField(type).validate() } == nil)
    }

    /// A definition broken in one way, the field the error names and its code.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let definition: CustomFieldDefinition
        let field: String
        let code: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        func with(_ type: CustomFieldType, _ change: (inout CustomFieldDefinition) -> Void) -> CustomFieldDefinition {
            var definition = FieldFixtures.validField(type)
            change(&definition)
            return definition
        }
        func option(_ value: String, zh: String = "选项", en: String = "Option") -> CustomFieldOption {
            CustomFieldOption(value: value, labels: LocalizedText(zhCN: zh, en: en))
        }
        return [
            Case(
                name: "key with spaces", definition: with(.text) { $0.key = "Serial Number" }, field: "key",
                code: "invalid_key"),
            Case(name: "empty key", definition: with(.text) { $0.key = "" }, field: "key", code: "invalid_key"),
            Case(
                name: "no label", definition: with(.text) { $0.labels = LocalizedText(zhCN: " ", en: "") },
                field: "labels",
                code: "required"),
            Case(
                name: "label with control character",
                definition: with(.text) { $0.labels = LocalizedText(zhCN: "", en: "Serial\u{07}") }, field: "labels.en",
                code: "invalid_characters"),
            Case(
                name: "Chinese label too long",
                definition: with(.text) { $0.labels = LocalizedText(zhCN: String(repeating: "长", count: 201), en: "") },
                field: "labels.zh_cn", code: "too_long"),
            Case(
                name: "dropdown without options", definition: with(.dropdown) { $0.options = [] }, field: "options",
                code: "required"),
            Case(
                name: "multi-select without options", definition: with(.multiSelect) { $0.options = [] },
                field: "options",
                code: "required"),
            Case(
                name: "text with options", definition: with(.text) { $0.options = [option("a")] }, field: "options",
                code: "not_allowed"),
            Case(
                name: "checkbox with options", definition: with(.checkbox) { $0.options = [option("a")] },
                field: "options",
                code: "not_allowed"),
            Case(
                name: "option value not key-like",
                definition: with(.dropdown) { $0.options = [option("a"), option("b"), option("Bad Value")] },
                field: "options[2].value", code: "invalid_key"),
            Case(
                name: "duplicate option value",
                definition: with(.multiSelect) { $0.options = [option("a"), option("b"), option("a")] },
                field: "options[2].value", code: "duplicate_option"),
            Case(
                name: "option without label",
                definition: with(.dropdown) { $0.options = [option("a"), option("b", zh: "", en: "")] },
                field: "options[1].labels", code: "required"),
            Case(
                name: "regex without pattern", definition: with(.regex) { $0.pattern = nil }, field: "pattern",
                code: "required"),
            Case(
                name: "regex with empty pattern", definition: with(.regex) { $0.pattern = "" }, field: "pattern",
                code: "required"),
            Case(
                name: "regex pattern that does not compile", definition: with(.regex) { $0.pattern = "[a-" },
                field: "pattern", code: "invalid_pattern"),
            Case(
                name: "regex pattern escaping the anchors", definition: with(.regex) { $0.pattern = "a)|(b" },
                field: "pattern", code: "invalid_pattern"),
            Case(
                name: "text with pattern", definition: with(.text) { $0.pattern = "\\d+" }, field: "pattern",
                code: "not_allowed"),
        ]
    }()

    @Test(arguments: cases)
    func invalidDefinitionNamesTheOffendingField(_ testCase: Case) {
        let error = validationError { try testCase.definition.validate() }
        #expect(error?.field == testCase.field)
        #expect(error?.code == testCase.code)
    }

    @Test
    func definitionRoundTripsThroughJSON() throws {
        // given
        let definition = FieldFixtures.validField(.multiSelect)
        // when
        let decoded = try JSONDecoder().decode(CustomFieldDefinition.self, from: JSONEncoder().encode(definition))
        // then
        #expect(decoded == definition)
    }
}
