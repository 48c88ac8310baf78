/// A message for a DingTalk internal-app robot (企业内部应用机器人), sent as a template key and its
/// parameters (`msgKey` + `msgParam`, per DingTalk's "企业机器人发送消息的消息类型" page).
public enum DingTalkAppRobotMessage: Sendable, Equatable {
    /// `sampleText`: `{"content": …}`.
    case text(String)
    /// `sampleMarkdown`: `{"title": …, "text": …}`.
    case markdown(title: String, text: String)
    /// `sampleActionCard` for one button (`singleTitle`, `singleURL`), `sampleActionCard2`…`5` for
    /// two to five stacked buttons (`actionTitleN`, `actionURLN`).
    case actionCard(DingTalkActionCard)

    /// DingTalk's limit on `msgParam`: 15,000 bytes.
    public static let maximumParameterBytes = 15_000
    /// The most buttons a card template offers.
    public static let maximumButtons = 5

    /// The template key.
    public var msgKey: String {
        switch self {
        case .text: return "sampleText"
        case .markdown: return "sampleMarkdown"
        case .actionCard(let card):
            return card.buttons.count <= 1 ? "sampleActionCard" : "sampleActionCard\(card.buttons.count)"
        }
    }

    /// The template parameters as the JSON *string* the API expects in `msgParam`.
    ///
    /// - Throws: ``DingTalkMessageError`` for an incomplete message or one over the size limit.
    public func msgParam() throws(DingTalkMessageError) -> String {
        let object: [String: Any]
        switch self {
        case .text(let content):
            guard !content.isEmpty else { throw .emptyContent }
            object = ["content": content]
        case .markdown(let title, let text):
            guard !title.isEmpty, !text.isEmpty else { throw .emptyContent }
            object = ["title": title, "text": text]
        case .actionCard(let card):
            try card.validate(maximumButtons: Self.maximumButtons)
            var parameters: [String: Any] = ["title": card.title, "text": card.text]
            if card.buttons.count == 1 {
                parameters["singleTitle"] = card.buttons[0].title
                parameters["singleURL"] = card.buttons[0].url
            } else {
                for (offset, button) in card.buttons.enumerated() {
                    parameters["actionTitle\(offset + 1)"] = button.title
                    parameters["actionURL\(offset + 1)"] = button.url
                }
            }
            object = parameters
        }
        let encoded = VendorJSON.encode(object)
        guard encoded.count <= Self.maximumParameterBytes else {
            throw .messageTooLong(limitBytes: Self.maximumParameterBytes)
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}
