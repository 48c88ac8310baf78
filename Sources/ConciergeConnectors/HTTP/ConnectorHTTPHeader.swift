/// One header of a connector's HTTP request or response.
///
/// Headers are a list rather than a dictionary because HTTP allows a name more than once
/// (`Set-Cookie`) and because order can matter to signatures computed over them.
public struct ConnectorHTTPHeader: Sendable, Equatable {
    /// The field name as given, e.g. `Content-Type`; compared case-insensitively by the client.
    public var name: String
    /// The field value, without the line end.
    public var value: String

    /// Creates a header: `ConnectorHTTPHeader("Content-Type", "application/json")`.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
