import ConciergeDomain
import Testing

@Suite("TicketForm")
struct TicketFormTests {
    static let definitions = [
        FieldFixtures.field("serial", .text), FieldFixtures.field("model", .text),
        FieldFixtures.field("legacy", .text, active: false),
    ]

    @Test
    func formListingKnownFieldsIsValidEvenWhenOneIsInactive() {
        let form = FieldFixtures.form("repair", types: [.incident], fields: ["serial", "legacy", "model"])
        #expect(validationError { try form.validate(against: Self.definitions) } == nil)
    }

    @Test(
        arguments: [
            (FieldFixtures.form("Repair Form", fields: []), "key", "invalid_key"),
            (FieldFixtures.form("repair", fields: ["serial", "nope"]), "field_keys[1]", "unknown_field"),
            (FieldFixtures.form("repair", fields: ["serial", "model", "serial"]), "field_keys[2]", "duplicate_field"),
            (FieldFixtures.form("repair", types: [.task, .task], fields: []), "ticket_types[1]", "duplicate_type"),
        ])
    func invalidFormNamesTheOffendingField(form: TicketForm, field: String, code: String) {
        let error = validationError { try form.validate(against: Self.definitions) }
        #expect(error?.field == field)
        #expect(error?.code == code)
    }

    @Test
    func formNeedsAName() {
        var form = FieldFixtures.form("repair", fields: [])
        form.names = LocalizedText(zhCN: "", en: "")
        #expect(validationError { try form.validate(against: Self.definitions) }?.field == "names")
    }

    @Test(
        arguments: [
            (
                [FieldFixtures.form("a", fields: []), FieldFixtures.form("a", fields: [])], "forms[1].key",
                "duplicate_key"
            ),
            (
                [
                    FieldFixtures.form("a", fields: [], isDefault: true), FieldFixtures.form("b", fields: []),
                    FieldFixtures.form("c", fields: [], isDefault: true),
                ], "forms[2].is_default", "multiple_defaults"
            ),
            ([FieldFixtures.form("a", fields: ["nope"])], "forms[0].field_keys[0]", "unknown_field"),
        ])
    func formSetNeedsUniqueKeysAndOneDefault(forms: [TicketForm], field: String, code: String) {
        let error = validationError { try TicketForm.validate(forms, against: Self.definitions) }
        #expect(error?.field == field)
        #expect(error?.code == code)
    }

    static let forms = [
        FieldFixtures.form("general", fields: []),
        FieldFixtures.form("old_incident", types: [.incident], fields: [], active: false),
        FieldFixtures.form("repair", types: [.incident, .problem], fields: []),
        FieldFixtures.form("second_repair", types: [.incident], fields: []),
        FieldFixtures.form("returns", types: [.task], fields: []),
        FieldFixtures.form("standard", fields: [], isDefault: true),
    ]

    @Test(
        arguments: [
            (String?.none, TicketType?.some(.incident), String?.some("repair")),
            (nil, .problem, "repair"),
            (nil, .task, "returns"),
            (nil, .question, "standard"),
            (nil, nil, "standard"),
            ("general", .question, "general"),
            ("general", nil, "general"),
            ("returns", .task, "returns"),
            ("returns", nil, "returns"),
            ("second_repair", .incident, "second_repair"),
        ])
    func formIsChosenByKeyThenTypeThenDefault(formKey: String?, type: TicketType?, expected: String?) throws {
        let form = try TicketForm.select(from: Self.forms, formKey: formKey, ticketType: type)
        #expect(form?.key == expected)
    }

    @Test
    func withoutAMatchOrDefaultNoFormApplies() throws {
        // given
        let forms = Self.forms.filter { !$0.isDefault }
        // when
        let chosen = try TicketForm.select(from: forms, ticketType: .question)
        // then
        #expect(chosen == nil)
        #expect(try TicketForm.select(from: [], ticketType: nil) == nil)
    }

    @Test
    func inactiveDefaultIsNotChosen() throws {
        let forms = [FieldFixtures.form("standard", fields: [], isDefault: true, active: false)]
        #expect(try TicketForm.select(from: forms, ticketType: .question) == nil)
    }

    @Test(
        arguments: [
            ("old_incident", TicketType?.some(.incident), "unknown_form"),
            ("nope", nil, "unknown_form"),
            ("returns", .incident, "form_not_applicable"),
        ])
    func explicitFormMustBeActiveAndForTheTicketType(formKey: String, type: TicketType?, code: String) {
        let error = validationError { try TicketForm.select(from: Self.forms, formKey: formKey, ticketType: type) }
        #expect(error?.field == "form")
        #expect(error?.code == code)
    }
}
