/// The folded text of a subject's text fields, prepared once per run for the fields the rules
/// read (a bit set, so that preparing costs no hashing).
struct RuleFoldedText: Sendable {
    /// A set of text fields.
    struct Fields: OptionSet, Sendable {
        let rawValue: UInt16

        /// The bit of a text or key field; empty for other fields.
        init(_ field: RuleField) {
            switch field {
            case .subject: rawValue = 1 << 0
            case .description: rawValue = 1 << 1
            case .formKey: rawValue = 1 << 2
            case .requesterTier: rawValue = 1 << 3
            case .requesterLocale: rawValue = 1 << 4
            case .requesterEmail: rawValue = 1 << 5
            case .organizationTier: rawValue = 1 << 6
            case .organizationName: rawValue = 1 << 7
            case .commentBody: rawValue = 1 << 8
            default: rawValue = 0
            }
        }

        init(rawValue: UInt16) { self.rawValue = rawValue }
    }

    private let prepared: Fields
    private let texts: [String?]

    /// Folds the text of `fields` in `subject`.
    init(_ subject: RuleSubject, fields: Fields) {
        prepared = fields
        var texts = [String?](repeating: nil, count: 9)
        for bit in 0..<9 where fields.rawValue & (1 << bit) != 0 {
            texts[bit] = Self.raw(bit, subject).map(RuleText.fold)
        }
        self.texts = texts
    }

    /// The folded text of a text field; folds on the spot when the field was not prepared.
    func text(_ field: RuleField, in subject: RuleSubject) -> String? {
        let bits = Fields(field).rawValue
        guard bits != 0 else { return nil }
        let bit = bits.trailingZeroBitCount
        if prepared.rawValue & bits != 0 { return texts[bit] }
        return Self.raw(bit, subject).map(RuleText.fold)
    }

    private static func raw(_ bit: Int, _ subject: RuleSubject) -> String? {
        switch bit {
        case 0: subject.ticket.subject
        case 1: subject.ticket.description
        case 2: subject.ticket.formKey
        case 3: subject.requester.tier
        case 4: subject.requester.locale
        case 5: subject.requester.email
        case 6: subject.organization?.tier
        case 7: subject.organization?.name
        case 8: subject.comment?.body
        default: nil
        }
    }
}
