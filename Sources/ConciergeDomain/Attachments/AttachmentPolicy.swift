import Foundation

/// What may be uploaded: a size limit, an allow-list of content types, and a check that the
/// bytes look like the type they claim (for the types with a signature), so a script cannot
/// be served back as an image.
public struct AttachmentPolicy: Sendable, Equatable {
    public var maxBytes: Int

    /// The first bytes of an OLE2 compound file: legacy Word, Excel, PowerPoint and Outlook `.msg`.
    static let compoundFile: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Content types accepted, with the leading bytes each must start with (empty: no check).
    /// Besides documents and images this covers what customers mail in: phone photos and videos
    /// (HEIC, MOV), forwarded mails (`.eml`, `.msg`), legacy Office files and archives. Downloads
    /// are always served as attachments with `nosniff`, never rendered inline.
    public static let allowedTypes: [String: [[UInt8]]] = [
        "image/heic": [],
        "image/heif": [],
        "image/bmp": [[0x42, 0x4D]],
        "image/tiff": [[0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A]],
        "video/quicktime": [],
        "message/rfc822": [],
        "application/vnd.ms-outlook": [compoundFile],
        "application/msword": [compoundFile],
        "application/vnd.ms-excel": [compoundFile],
        "application/vnd.ms-powerpoint": [compoundFile],
        "application/vnd.openxmlformats-officedocument.presentationml.presentation": [[0x50, 0x4B, 0x03, 0x04]],
        "application/x-7z-compressed": [[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]],
        "application/vnd.rar": [[0x52, 0x61, 0x72, 0x21, 0x1A, 0x07]],
        "application/x-rar-compressed": [[0x52, 0x61, 0x72, 0x21, 0x1A, 0x07]],
        "image/png": [[0x89, 0x50, 0x4E, 0x47]],
        "image/jpeg": [[0xFF, 0xD8, 0xFF]],
        "image/gif": [[0x47, 0x49, 0x46, 0x38]],
        "image/webp": [[0x52, 0x49, 0x46, 0x46]],
        "application/pdf": [[0x25, 0x50, 0x44, 0x46]],
        "application/zip": [[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06]],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [[0x50, 0x4B, 0x03, 0x04]],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [[0x50, 0x4B, 0x03, 0x04]],
        "video/mp4": [],
        "audio/mpeg": [],
        "text/plain": [],
        "text/csv": [],
    ]

    public init(maxBytes: Int) { self.maxBytes = maxBytes }

    /// Checks an upload and returns its cleaned file name and normalised content type.
    /// - Throws: ``ValidationError`` on `file` (size, signature), `content_type` or `filename`.
    public func validate(filename: String, contentType: String, bytes: [UInt8]) throws(ValidationError) -> (
        String, String
    ) {
        let type =
            contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let signatures = Self.allowedTypes[type] else {
            throw ValidationError(
                field: "content_type", code: "unsupported_type", message: "'\(type)' files are not accepted")
        }
        guard !bytes.isEmpty else {
            throw ValidationError(field: "file", code: "empty_file", message: "the file is empty")
        }
        guard bytes.count <= maxBytes else {
            throw ValidationError(
                field: "file", code: "file_too_large", message: "files may be at most \(maxBytes) bytes")
        }
        if !signatures.isEmpty, !signatures.contains(where: { bytes.starts(with: $0) }) {
            throw ValidationError(field: "file", code: "content_mismatch", message: "the bytes are not a \(type) file")
        }
        return (try Self.cleanFilename(filename), type)
    }

    /// Keeps the last path component, drops control characters and path separators, bounds
    /// the length (255); Chinese names stay as they are.
    public static func cleanFilename(_ raw: String) throws(ValidationError) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(
            last.unicodeScalars.filter { $0.properties.generalCategory != .control && $0 != "\"" }.map(Character.init)
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleaned.isEmpty, cleaned != ".", cleaned != ".." else {
            throw ValidationError(field: "filename", code: "invalid_filename", message: "needs a file name")
        }
        return String(cleaned.prefix(255))
    }
}
