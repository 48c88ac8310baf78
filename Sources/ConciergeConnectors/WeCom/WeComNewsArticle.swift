/// One article of a WeCom news (图文) message: a linked card with a title, a description and an
/// optional picture.
public struct WeComNewsArticle: Sendable, Equatable {
    /// The card's title (cut to 128 bytes).
    public var title: String
    /// The text under the title (cut to 512 bytes); optional.
    public var description: String?
    /// Where a tap leads, e.g. the ticket.
    public var url: String
    /// The picture's URL (JPG or PNG); optional.
    public var pictureURL: String?

    /// Creates an article.
    public init(title: String, description: String? = nil, url: String, pictureURL: String? = nil) {
        self.title = title
        self.description = description
        self.url = url
        self.pictureURL = pictureURL
    }

    /// The wire object, with title and description shortened on a character boundary.
    var wireObject: [String: Any] {
        var object: [String: Any] = [
            "title": UTF8Truncation.truncate(title, maxBytes: WeComRobotLimits.newsTitleBytes), "url": url,
        ]
        if let description, !description.isEmpty {
            object["description"] = UTF8Truncation.truncate(
                description, maxBytes: WeComRobotLimits.newsDescriptionBytes)
        }
        if let pictureURL, !pictureURL.isEmpty { object["picurl"] = pictureURL }
        return object
    }
}
