/// Builds the MIME tree of a raw message within `InboundEmailLimits`.
struct InboundMIMEParser {
    private let limits: InboundEmailLimits
    private var partCount = 0

    init(limits: InboundEmailLimits) {
        self.limits = limits
    }

    /// The top-level entity of `raw`, which must start with a header field, or with an mbox
    /// `From ` separator line that mailbox exports put before it.
    mutating func parseMessage(_ raw: [UInt8]) throws(InboundEmailError) -> InboundMIMEPart {
        guard raw.count <= limits.maximumSize else { throw .tooLarge(limit: limits.maximumSize) }
        guard raw.contains(where: { ![UInt8(ascii: " "), 9, 10, 13].contains($0) }) else { throw .empty }
        var message = raw[...]
        if message.starts(with: "From ".utf8), let newline = message.firstIndex(of: UInt8(ascii: "\n")) {
            message = message[(newline + 1)...]
        }
        let (headers, bodyStart) = InboundHeaderBlockParser.parse(message)
        guard !headers.fields.isEmpty else { throw .noHeaders }
        return try entity(headers: headers, body: message[bodyStart...], depth: 0, defaultType: "text/plain")
    }

    private mutating func parseEntity(
        _ bytes: ArraySlice<UInt8>,
        depth: Int,
        defaultType: String
    ) throws(InboundEmailError) -> InboundMIMEPart {
        let (headers, bodyStart) = InboundHeaderBlockParser.parse(bytes)
        return try entity(headers: headers, body: bytes[bodyStart...], depth: depth, defaultType: defaultType)
    }

    /// `depth` counts the multipart containers around the entity.
    private mutating func entity(
        headers: InboundHeaders,
        body: ArraySlice<UInt8>,
        depth: Int,
        defaultType: String
    ) throws(InboundEmailError) -> InboundMIMEPart {
        partCount += 1
        guard partCount <= limits.maximumPartCount else { throw .tooManyParts(limit: limits.maximumPartCount) }
        var contentType = InboundParameterizedValue(headers["Content-Type"] ?? defaultType)
        if !contentType.value.contains("/") { contentType = InboundParameterizedValue(defaultType) }
        var part = InboundMIMEPart(
            headers: headers,
            contentType: contentType,
            disposition: headers["Content-Disposition"].map(InboundParameterizedValue.init),
            body: [],
            children: []
        )
        guard part.isMultipart else {
            part.body = InboundTransferDecoder.decode(body, encoding: headers["Content-Transfer-Encoding"])
            return part
        }
        guard depth < limits.maximumNestingDepth else { throw .nestingTooDeep(limit: limits.maximumNestingDepth) }
        guard let boundary = contentType.parameters["boundary"], !boundary.isEmpty else { throw .malformedMultipart }
        let childType = contentType.value == "multipart/digest" ? "message/rfc822" : "text/plain"
        for childBody in try InboundMultipartSplitter.parts(of: body, boundary: boundary) {
            part.children.append(try parseEntity(childBody, depth: depth + 1, defaultType: childType))
        }
        return part
    }
}
