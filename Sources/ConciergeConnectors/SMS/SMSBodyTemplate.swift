/// The body of an SMS gateway request and how placeholder values are escaped in it.
public enum SMSBodyTemplate: Sendable, Equatable {
    /// No body (typically a `GET` whose values are all in the URL).
    case none
    /// A JSON document. A placeholder inside a string literal (`"to": "{{phone}}"`) receives the
    /// value JSON-escaped; one outside a string (`"to": {{phone}}`) receives a whole JSON string.
    /// The rendered body must parse as JSON.
    case json(String)
    /// An `application/x-www-form-urlencoded` body (`to={{phone}}&text={{message}}`); values are
    /// form-encoded, so `&`, `=` and `+` in them stay data.
    case form(String)

    /// The `Content-Type` sent when the template's headers do not name one.
    var defaultContentType: String? {
        switch self {
        case .none: return nil
        case .json: return "application/json; charset=utf-8"
        case .form: return "application/x-www-form-urlencoded; charset=utf-8"
        }
    }
}
