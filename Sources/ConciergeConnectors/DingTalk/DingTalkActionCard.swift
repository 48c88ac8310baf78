/// A DingTalk action card: a title, a markdown text and one or more buttons that open URLs —
/// typically "查看工单" linking to the ticket.
///
/// Used by both routes: the custom robot sends it as `actionCard` (one button as
/// `singleTitle`/`singleURL`, several as `btns`), the app robot as `sampleActionCard` (one button)
/// or `sampleActionCard2`…`5` (two to five buttons, stacked).
public struct DingTalkActionCard: Sendable, Equatable {
    /// One button of the card.
    public struct Button: Sendable, Equatable {
        /// The button's label.
        public var title: String
        /// The URL the button opens.
        public var url: String

        /// Creates a button.
        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    /// How the custom robot lays out several buttons.
    public enum Orientation: String, Sendable {
        /// Stacked (`btnOrientation` "0").
        case vertical = "0"
        /// Side by side (`btnOrientation` "1").
        case horizontal = "1"
    }

    /// Shown in the conversation list and notifications.
    public var title: String
    /// The card's body, in DingTalk's markdown subset.
    public var text: String
    /// At least one button.
    public var buttons: [Button]
    /// Layout of several buttons (custom robot only; the app robot stacks them).
    public var orientation: Orientation

    /// Creates a card.
    public init(title: String, text: String, buttons: [Button], orientation: Orientation = .vertical) {
        self.title = title
        self.text = text
        self.buttons = buttons
        self.orientation = orientation
    }

    /// A card with the single button that opens a ticket.
    public static func ticket(title: String, text: String, buttonTitle: String = "查看工单", url: String) -> Self {
        Self(title: title, text: text, buttons: [Button(title: buttonTitle, url: url)])
    }

    /// Refuses what DingTalk would refuse or render empty.
    func validate(maximumButtons: Int) throws(DingTalkMessageError) {
        guard !title.isEmpty, !text.isEmpty else { throw .emptyContent }
        guard !buttons.isEmpty else { throw .actionCardWithoutButtons }
        guard buttons.count <= maximumButtons else { throw .tooManyButtons(limit: maximumButtons) }
        guard buttons.allSatisfy({ !$0.title.isEmpty && !$0.url.isEmpty }) else { throw .emptyButton }
    }
}
