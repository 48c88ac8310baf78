/// One header field as it arrived: folding undone, surrounding whitespace trimmed, raw 8-bit
/// bytes read as UTF-8 or GB18030, encoded-words left encoded.
public struct InboundHeaderField: Sendable, Equatable {
    /// The field name with the sender's capitalisation, e.g. `X-Mailer`.
    public var name: String
    /// The unfolded value.
    public var value: String

    /// Creates a field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The header fields of a message in their original order, looked up by name without regard to
/// case: `headers["x-mailer"]`, `headers.all("Received")`.
public struct InboundHeaders: Sendable, Equatable {
    /// Every field, top to bottom.
    public var fields: [InboundHeaderField]

    /// Creates headers from fields in message order.
    public init(_ fields: [InboundHeaderField] = []) {
        self.fields = fields
    }

    /// The value of the first field called `name`, or nil when there is none.
    public subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// The values of all fields called `name`, in message order.
    public func all(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }

    /// Whether at least one field is called `name`.
    public func contains(_ name: String) -> Bool {
        fields.contains { $0.name.caseInsensitiveEquals(name) }
    }

    /// The first `name` field with RFC 2047 encoded-words decoded, e.g. for `X-` fields with text.
    public func decoded(_ name: String) -> String? {
        self[name].map(InboundEncodedWordDecoder.decode)
    }
}

extension String {
    /// ASCII case-insensitive equality, the comparison RFC 5322 uses for field names.
    fileprivate func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && lowercased() == other.lowercased()
    }
}
