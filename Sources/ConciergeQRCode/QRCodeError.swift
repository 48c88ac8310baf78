/// Why a QR code could not be encoded.
public enum QRCodeError: Error, Sendable, Equatable {
    /// The input does not fit in a version 40 symbol at the requested error correction level.
    ///
    /// `maximumBytes` is the longest input (in bytes, using the same encoding mode that was chosen for this
    /// input) that would have fit.
    case tooLong(maximumBytes: Int)
    /// `minimumVersion` was outside `1...40`.
    case invalidMinimumVersion(Int)
}
