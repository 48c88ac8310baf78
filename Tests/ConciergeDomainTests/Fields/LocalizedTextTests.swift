import ConciergeDomain
import Testing

@Suite("LocalizedText")
struct LocalizedTextTests {
    @Test(
        arguments: [
            (LocalizedText(zhCN: "序列号", en: "Serial number"), Tenant.Locale.zhCN, "序列号"),
            (LocalizedText(zhCN: "序列号", en: "Serial number"), .en, "Serial number"),
            (LocalizedText(zhCN: "序列号", en: ""), .en, "序列号"),
            (LocalizedText(zhCN: "", en: "Serial number"), .zhCN, "Serial number"),
        ])
    func textFallsBackToTheOtherLanguage(text: LocalizedText, locale: Tenant.Locale, expected: String) {
        #expect(text.text(for: locale) == expected)
    }

    @Test
    func validatedTrimsBothLanguages() throws {
        let text = try LocalizedText(zhCN: " 序列号 ", en: "\tSerial ").validated(field: "labels")
        #expect(text == LocalizedText(zhCN: "序列号", en: "Serial"))
    }

    @Test
    func validatedNeedsOneLanguage() {
        let error = validationError { try LocalizedText(zhCN: "", en: "  ").validated(field: "names") }
        #expect(
            error == ValidationError(field: "names", code: "required", message: "needs a Chinese or an English text"))
    }

    @Test
    func validatedCountsCharactersAgainstTheLimit() throws {
        #expect(
            try LocalizedText(zhCN: String(repeating: "长", count: 200), en: "").validated(field: "l").zhCN.count == 200)
        let error = validationError {
            try LocalizedText(zhCN: "", en: String(repeating: "a", count: 201)).validated(field: "l")
        }
        #expect(error?.field == "l.en")
        #expect(error?.code == "too_long")
    }
}
