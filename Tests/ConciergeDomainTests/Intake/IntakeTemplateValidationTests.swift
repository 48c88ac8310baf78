import ConciergeDomain
import Foundation
import Testing

@Suite("InboundTemplate validation")
struct IntakeTemplateValidationTests {
    @Test(
        "malformed templates are refused with a code and the field",
        arguments: [
            ("{{$.title", "invalid_template"),
            ("{{title}}", "invalid_template"),
            ("{{}}", "invalid_template"),
            ("{{$.a b}}", "invalid_template"),
            ("{{$.items[}}", "invalid_path"),
            ("{{$.title | shout}}", "unknown_filter"),
            ("{{$.title | }}", "unknown_filter"),
            ("{{$.title | truncate}}", "invalid_filter_argument"),
            ("{{$.title | truncate: 0}}", "invalid_filter_argument"),
            ("{{$.title | truncate: many}}", "invalid_filter_argument"),
            ("{{$.title | default}}", "invalid_filter_argument"),
            ("{{$.title | upper: 2}}", "invalid_filter_argument"),
            (#"{{$.title | default: "open}}"#, "invalid_filter_argument"),
        ])
    func malformed(template: String, code: String) {
        // when
        let error = validationError { try InboundTemplate(template).validate(field: "mapping.subject") }
        // then
        #expect(error?.field == "mapping.subject")
        #expect(error?.code == code)
    }

    @Test("an unknown filter's message lists the known ones")
    func unknownFilterMessage() {
        let error = validationError { try InboundTemplate("{{$.a | shout}}").validate(field: "f") }
        #expect(error?.message.hasPrefix("unknown filter shout; use one of default, upper, lower") == true)
    }

    @Test("2000 characters pass, 2001 are too_long")
    func lengthLimit() throws {
        // given
        let longest = InboundTemplate(String(repeating: "界", count: 2000))
        let tooLong = InboundTemplate(String(repeating: "界", count: 2001))
        // when / then
        try longest.validate(field: "mapping.description")
        let error = validationError { try tooLong.validate(field: "mapping.description") }
        #expect(
            error
                == ValidationError(
                    field: "mapping.description", code: "too_long", message: "must be at most 2000 characters"))
    }

    @Test("an invalid template renders as written")
    func invalidRendersAsWritten() {
        #expect(InboundTemplate("{{oops}}").render(.object([:])) == "{{oops}}")
    }

    @Test("templates decode from and encode to a plain JSON string")
    func codable() throws {
        // given
        let template = InboundTemplate("[{{$.a | upper}}]")
        // when
        let data = try JSONEncoder().encode(template)
        let decoded = try JSONDecoder().decode(InboundTemplate.self, from: data)
        // then
        #expect(String(decoding: data, as: UTF8.self) == #""[{{$.a | upper}}]""#)
        #expect(decoded == template)
    }
}
