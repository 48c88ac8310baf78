/// How the input is packed into bits. The encoder picks the most compact mode that can represent the whole input.
enum QRDataMode: Equatable {
    /// Digits 0–9, three per 10 bits.
    case numeric
    /// Digits, upper-case A–Z, space and `$%*+-./:`, two per 11 bits.
    case alphanumeric
    /// Arbitrary bytes, 8 bits each.
    case byte

    /// The 45 characters of alphanumeric mode, in value order.
    private static let alphanumericCharset = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// `alphanumericValues[byte]` is the character's value in alphanumeric mode, or nil if it has none.
    private static let alphanumericValues: [Int?] = {
        var values = [Int?](repeating: nil, count: 256)
        for (value, byte) in alphanumericCharset.enumerated() {
            values[Int(byte)] = value
        }
        return values
    }()

    /// The most compact mode able to encode every byte of `bytes`.
    static func smallest(for bytes: [UInt8]) -> QRDataMode {
        if bytes.allSatisfy({ (0x30...0x39).contains($0) }) {
            return .numeric
        }
        if bytes.allSatisfy({ alphanumericValues[Int($0)] != nil }) {
            return .alphanumeric
        }
        return .byte
    }

    /// Width of the mode indicator that starts every segment.
    static let indicatorBits = 4

    /// The mode indicator that starts the segment.
    var indicator: Int {
        switch self {
        case .numeric: 0b0001
        case .alphanumeric: 0b0010
        case .byte: 0b0100
        }
    }

    /// Width of the character count field, which grows with the version.
    func characterCountBits(version: Int) -> Int {
        let sizeClass = version <= 9 ? 0 : (version <= 26 ? 1 : 2)
        switch self {
        case .numeric: return [10, 12, 14][sizeClass]
        case .alphanumeric: return [9, 11, 13][sizeClass]
        case .byte: return [8, 16, 16][sizeClass]
        }
    }

    /// Bits the whole segment (indicator, character count and payload) of `characterCount` characters needs.
    func segmentBits(characterCount: Int, version: Int) -> Int {
        let payload =
            switch self {
            case .numeric: 10 * (characterCount / 3) + [0, 4, 7][characterCount % 3]
            case .alphanumeric: 11 * (characterCount / 2) + 6 * (characterCount % 2)
            case .byte: 8 * characterCount
            }
        return Self.indicatorBits + characterCountBits(version: version) + payload
    }

    /// The most characters whose segment fits in `dataCodewords` codewords of a symbol of `version`.
    func maximumCharacters(dataCodewords: Int, version: Int) -> Int {
        let payloadBits = 8 * dataCodewords - Self.indicatorBits - characterCountBits(version: version)
        switch self {
        case .numeric:
            let remainder = payloadBits % 10
            return 3 * (payloadBits / 10) + (remainder >= 7 ? 2 : (remainder >= 4 ? 1 : 0))
        case .alphanumeric:
            return 2 * (payloadBits / 11) + (payloadBits % 11 >= 6 ? 1 : 0)
        case .byte:
            return payloadBits / 8
        }
    }

    /// Appends the segment (indicator, character count and payload) for `bytes`, which must suit this mode.
    func appendSegment(_ bytes: [UInt8], version: Int, to buffer: inout QRBitBuffer) {
        buffer.append(indicator, bitCount: Self.indicatorBits)
        buffer.append(bytes.count, bitCount: characterCountBits(version: version))
        switch self {
        case .numeric:
            for start in stride(from: 0, to: bytes.count, by: 3) {
                let group = bytes[start..<min(start + 3, bytes.count)]
                let value = group.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                buffer.append(value, bitCount: [0, 4, 7, 10][group.count])
            }
        case .alphanumeric:
            let values = bytes.map { Self.alphanumericValues[Int($0)] ?? 0 }
            for start in stride(from: 0, to: values.count, by: 2) {
                if start + 1 < values.count {
                    buffer.append(values[start] * 45 + values[start + 1], bitCount: 11)
                } else {
                    buffer.append(values[start], bitCount: 6)
                }
            }
        case .byte:
            for byte in bytes {
                buffer.append(Int(byte), bitCount: 8)
            }
        }
    }
}
