/// Why an SMS gateway template could not be rendered into a request. Each names the part of the
/// template at fault and never repeats the phone number or the text.
public enum SMSTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `{{name}}` names no known placeholder (phone, message, sender).
    case unknownPlaceholder(name: String, in: Part)
    /// A `{{` without its `}}`.
    case unterminatedPlaceholder(in: Part)
    /// The template uses a placeholder the message has no value for (an empty phone or text, or no
    /// sender).
    case missingValue(SMSPlaceholder)
    /// The rendered URL is not an absolute http(s) URL.
    case invalidURL
    /// A header has a name that is not an HTTP token, or its rendered value has CR, LF or NUL.
    case invalidHeader(name: String)
    /// The rendered JSON body does not parse: the template itself is not valid JSON.
    case bodyIsNotJSON

    /// The part of the template an error is in.
    public enum Part: String, Sendable {
        /// The URL template.
        case url
        /// A header value.
        case header
        /// The body template.
        case body
    }

    /// One line for the delivery log and the configuration screen.
    public var description: String {
        switch self {
        case .unknownPlaceholder(let name, let part):
            let known = SMSPlaceholder.allCases.map { "{{\($0.rawValue)}}" }.joined(separator: ", ")
            return
                "sms template \(part.rawValue) uses unknown placeholder {{\(String(name.prefix(40)))}} (known: \(known))"
        case .unterminatedPlaceholder(let part):
            return "sms template \(part.rawValue) has a {{ without a closing }}"
        case .missingValue(let placeholder):
            return "sms template uses {{\(placeholder.rawValue)}} but the message has no \(placeholder.rawValue)"
        case .invalidURL:
            return "sms template URL does not render to an absolute http(s) URL"
        case .invalidHeader(let name):
            return
                "sms template header \(String(name.prefix(64)).debugDescription) has an invalid name or a control character in its value"
        case .bodyIsNotJSON:
            return "sms template JSON body does not render to valid JSON (check the template's quotes and commas)"
        }
    }
}
