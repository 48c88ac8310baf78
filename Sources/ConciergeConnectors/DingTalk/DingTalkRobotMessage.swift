/// A message for a DingTalk custom group robot (自定义机器人), in the types Concierge sends.
///
/// Wire formats per DingTalk's "自定义机器人发送群消息" / "消息类型及数据格式" pages:
/// `{"msgtype":"text","text":{"content":…},"at":{…}}`,
/// `{"msgtype":"markdown","markdown":{"title":…,"text":…},"at":{…}}` and
/// `{"msgtype":"actionCard","actionCard":{…}}`.
public enum DingTalkRobotMessage: Sendable, Equatable {
    /// Plain text; mentioned people are appended as `@…` when the text lacks them.
    case text(String, mention: DingTalkMention = .none)
    /// DingTalk's markdown subset; `title` shows in the conversation list.
    case markdown(title: String, text: String, mention: DingTalkMention = .none)
    /// A card with buttons.
    case actionCard(DingTalkActionCard)

    /// The text DingTalk's keyword check looks at: the body a reader sees (titles and button
    /// labels are not counted, which can only make the local check stricter than DingTalk's).
    var checkedText: String {
        switch self {
        case .text(let content, _): return content
        case .markdown(_, let text, _): return text
        case .actionCard(let card): return card.text
        }
    }

    /// The JSON body, after checking the message is complete.
    func body() throws(DingTalkMessageError) -> [UInt8] {
        switch self {
        case .text(let content, let mention):
            guard !content.isEmpty else { throw .emptyContent }
            return VendorJSON.encode([
                "msgtype": "text", "text": ["content": mention.addingMissingMarkers(to: content)],
                "at": mention.wireObject,
            ])
        case .markdown(let title, let text, let mention):
            guard !title.isEmpty, !text.isEmpty else { throw .emptyContent }
            return VendorJSON.encode([
                "msgtype": "markdown",
                "markdown": ["title": title, "text": mention.addingMissingMarkers(to: text)],
                "at": mention.wireObject,
            ])
        case .actionCard(let card):
            // The custom robot has no documented button limit; DingTalk's clients show 5 well.
            try card.validate(maximumButtons: 10)
            var object: [String: Any] = [
                "title": card.title, "text": card.text, "btnOrientation": card.orientation.rawValue,
            ]
            if card.buttons.count == 1 {
                object["singleTitle"] = card.buttons[0].title
                object["singleURL"] = card.buttons[0].url
            } else {
                object["btns"] = card.buttons.map { ["title": $0.title, "actionURL": $0.url] }
            }
            return VendorJSON.encode(["msgtype": "actionCard", "actionCard": object])
        }
    }
}
